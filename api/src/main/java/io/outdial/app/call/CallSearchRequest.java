package io.outdial.app.call;

/**
 * A call search as the client sent it, unchecked: {@link CallService#search} validates each parameter and
 * names the bad one in a 400 problem.
 *
 * @param campaignId  only this campaign's calls
 * @param status      task status: QUEUED, DIALING, DONE or CANCELLED
 * @param outcome     a {@link io.outdial.workflows.call.CallOutcome}
 * @param faultClass  a {@link io.outdial.workflows.call.FaultClass}
 * @param from        ISO-8601 instant: an attempt started at or after it
 * @param to          ISO-8601 instant: an attempt started before it
 * @param phoneNumber the number, as a person writes it (read in the campaign tenant's default region)
 * @param limit       page size, 1..500 ({@code null}: 50)
 * @param cursor      the {@code nextCursor} of the page before
 */
public record CallSearchRequest(Long campaignId, String status, String outcome, String faultClass, String from,
                                String to, String phoneNumber, Integer limit, String cursor) {

    /** A search of one campaign's calls, first page, default size. */
    public static CallSearchRequest ofCampaign(long campaignId) {
        return new CallSearchRequest(campaignId, null, null, null, null, null, null, null, null);
    }
}
