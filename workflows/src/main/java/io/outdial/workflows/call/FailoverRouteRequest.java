package io.outdial.workflows.call;

import java.util.List;

/**
 * Asks for another route for a call.
 *
 * @param campaignId        the campaign, whose pool the route comes from
 * @param taskId            the call task (spreads the choices of many tasks over the routes)
 * @param lastFsNodeId      the node of the failed attempt: kept when not excluded
 * @param lastLineId        the line of the failed attempt: kept when not excluded
 * @param excludedFsNodeIds nodes not to use (they failed this call with a switch fault)
 * @param excludedLineIds   lines not to use (they failed this call with a line fault)
 */
public record FailoverRouteRequest(long campaignId, long taskId, String lastFsNodeId, String lastLineId,
                                   List<String> excludedFsNodeIds, List<String> excludedLineIds) {
}
