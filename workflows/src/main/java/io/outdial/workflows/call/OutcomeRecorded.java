package io.outdial.workflows.call;

/** @param inserted false when the same attempt had been recorded before (an idempotent repeat) */
public record OutcomeRecorded(boolean inserted) {
}
