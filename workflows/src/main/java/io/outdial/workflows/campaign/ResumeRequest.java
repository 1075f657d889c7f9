package io.outdial.workflows.campaign;

/** Asks a paused campaign to release calls again. @param reason free text for the audit trail */
public record ResumeRequest(String reason) {
}
