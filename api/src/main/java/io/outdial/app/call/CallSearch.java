package io.outdial.app.call;

import java.time.Instant;
import java.util.List;

/**
 * A validated call search: every filter is optional ({@code null} or empty: not filtered).
 *
 * @param tenantId     only campaigns of this tenant; {@code null}: every tenant (platform admin)
 * @param campaignId   only tasks of this campaign
 * @param status       only tasks in this status
 * @param outcome      only tasks with this outcome
 * @param faultClass   only tasks with this fault class
 * @param from         only tasks with an attempt started at or after this
 * @param to           only tasks with an attempt started before this
 * @param phoneNumbers only tasks with one of these E.164 numbers (the raw number read in each region asked)
 * @param afterTaskId  only tasks after this id (the cursor)
 * @param limit        at most this many tasks
 */
record CallSearch(Long tenantId, Long campaignId, String status, String outcome, String faultClass, Instant from,
                  Instant to, List<String> phoneNumbers, Long afterTaskId, int limit) {
}
