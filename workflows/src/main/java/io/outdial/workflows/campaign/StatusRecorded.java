package io.outdial.workflows.campaign;

/** @param changed false when the stored status already was the requested one */
public record StatusRecorded(boolean changed) {
}
