package io.outdial.workflows.campaign;

/**
 * One number to call, as a business system hands it to a campaign.
 *
 * @param phoneNumber the number as the business system has it: E.164 ({@code +4930123456}) or a
 *                    national number read in the tenant's default region; validated and normalised
 *                    by the campaign, never trusted
 * @param externalId  the caller's key of the task, unique within the campaign (printable ASCII, 1 to
 *                    100 characters), or {@code null}; a task sent again with the same external id and
 *                    number is reported as existing, never added twice
 * @param externalRef a free label stored with the task (a customer or case reference), or {@code null}
 */
public record NewTask(String phoneNumber, String externalId, String externalRef) {
}
