package io.outdial.activities.esl;

/**
 * Receives what one ESL connection hears. Called on the connection's Netty event loop, one call at a
 * time and in arrival order: implementations must return quickly and never block.
 */
public interface EslListener {

    /** An event arrived. */
    void onEvent(EslEvent event);

    /** The connection (after it was ready) dropped; in-flight calls on it can no longer be watched. */
    void onConnectionLost();
}
