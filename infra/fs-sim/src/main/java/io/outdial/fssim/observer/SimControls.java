package io.outdial.fssim.observer;

import io.outdial.fssim.SimStats;

/** What the observer API can read and do; unknown names throw {@link IllegalArgumentException}. */
public interface SimControls {

    SimStats stats();

    void resetStats();

    void gatewayDown(String gateway);

    void gatewayUp(String gateway);

    /** The gateway's carrier answers every INVITE with 503 (a carrier outage) until {@link #gatewayRecover}. */
    void gatewayFail503(String gateway);

    void gatewayRecover(String gateway);

    void crashNode(String nodeId);

    void restartNode(String nodeId);

    void hangNode(String nodeId);

    void resumeNode(String nodeId);
}
