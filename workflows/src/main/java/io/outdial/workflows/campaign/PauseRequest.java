package io.outdial.workflows.campaign;

/** Asks a campaign to stop releasing calls; calls in flight go on. @param reason free text for the audit trail */
public record PauseRequest(String reason) {
}
