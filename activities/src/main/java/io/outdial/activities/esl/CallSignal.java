package io.outdial.activities.esl;

/**
 * What a call's watcher hears: one of its events, or the loss of the connection it was placed on.
 *
 * @param event the event; {@code null} for a connection loss
 */
public record CallSignal(EslEvent event) {

    private static final CallSignal CONNECTION_LOST = new CallSignal(null);

    public static CallSignal of(EslEvent event) {
        return new CallSignal(java.util.Objects.requireNonNull(event, "event"));
    }

    public static CallSignal connectionLost() {
        return CONNECTION_LOST;
    }

    public boolean isConnectionLost() {
        return event == null;
    }
}
