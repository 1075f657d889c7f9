package io.outdial.workflows.campaign;

/**
 * Asks a campaign to end: queued tasks are cancelled, calls in flight go on to their end.
 *
 * @param reason free text for the audit trail
 */
public record CancelRequest(String reason) {
}
