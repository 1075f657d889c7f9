package io.outdial.fssim;

import java.util.Map;

/**
 * What the simulator saw, as served by {@code GET /sim/stats}. A snapshot: later calls return new objects.
 *
 * @param originates originate commands received (api or bgapi), all nodes
 * @param originatesPerGatewayPerSecond originates naming each gateway, per epoch second of receipt (last hour)
 * @param maxOriginatesInAnySecond the highest per-second count of each gateway since start or reset
 * @param gatewayCaps configured CAPS of each gateway
 * @param dialsPerNumber originates per dialed number
 * @param numbersDialedMoreThanOnce how many numbers were dialed at least twice
 * @param currentCalls live channels per node
 * @param currentCallsPerGateway live channels per gateway, all nodes
 * @param commands commands received per node, keyed by first word (plus the second for api/bgapi)
 * @param outcomes finished originates by cause (hangup cause or the -ERR cause of a failed originate)
 * @param answered calls that were answered
 * @param originatesPerCampaign originates per value of their {@code campaign_id} channel variable (those
 *                              without it are not counted here)
 */
public record SimStats(long originates,
                       Map<String, Map<Long, Long>> originatesPerGatewayPerSecond,
                       Map<String, Long> maxOriginatesInAnySecond,
                       Map<String, Integer> gatewayCaps,
                       Map<String, Long> dialsPerNumber,
                       long numbersDialedMoreThanOnce,
                       Map<String, Integer> currentCalls,
                       Map<String, Integer> currentCallsPerGateway,
                       Map<String, Map<String, Long>> commands,
                       Map<String, Long> outcomes,
                       long answered,
                       Map<String, Long> originatesPerCampaign) {
}
