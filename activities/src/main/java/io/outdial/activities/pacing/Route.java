package io.outdial.activities.pacing;

/**
 * The resources one call goes through: a campaign and the FS node and line chosen for it, all in
 * one pool.
 *
 * @param poolId     the pool of the campaign, the node and the line; names the keys' hash tag
 * @param campaignId the campaign
 * @param fsNodeId   the FreeSWITCH node
 * @param lineId     the line
 */
public record Route(long poolId, long campaignId, String fsNodeId, String lineId) {
}
