package io.outdial.fssim.call;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.function.Consumer;

/**
 * One simulated outbound channel. Mutated only on the simulator's clock thread.
 */
public final class Call {

    private final String uuid;
    private final String number;
    private final String gateway;
    private final Map<String, String> variables;
    private final CallPlan plan;
    private final long timeoutMs;
    private final long createdMs;
    private final Consumer<String> originateResult;
    long progressMs = -1;
    long answeredMs = -1;
    long hangupMs = -1;
    HangupCause cause;
    int sipStatus;
    String disposition;
    boolean ended;
    boolean holdsCarrierSlot;
    ScheduledFuture<?> next;

    /**
     * @param variables channel variables from the originate, echoed as {@code variable_<name>}
     *                  (origination_uuid is consumed by originate, as in FS)
     * @param originateResult receives the originate result ({@code +OK <uuid>\n} or {@code -ERR <CAUSE>\n}) once
     */
    public Call(String uuid, String number, String gateway, Map<String, String> variables, CallPlan plan,
                long timeoutMs, long createdMs, Consumer<String> originateResult) {
        this.uuid = uuid;
        this.number = number;
        this.gateway = gateway;
        this.variables = new LinkedHashMap<>(variables);
        this.variables.remove("origination_uuid");
        this.plan = plan;
        this.timeoutMs = timeoutMs;
        this.createdMs = createdMs;
        this.originateResult = originateResult;
    }

    public String uuid() {
        return uuid;
    }

    public String number() {
        return number;
    }

    public String gateway() {
        return gateway;
    }

    public Map<String, String> variables() {
        return variables;
    }

    public CallPlan plan() {
        return plan;
    }

    public long timeoutMs() {
        return timeoutMs;
    }

    public long createdMs() {
        return createdMs;
    }

    public boolean answered() {
        return answeredMs >= 0;
    }

    public boolean ended() {
        return ended;
    }

    public HangupCause cause() {
        return cause;
    }

    void reportOriginate(String result) {
        originateResult.accept(result);
    }

    /** Records the hangup; times are whole seconds as FS reports them. */
    void hangup(HangupCause hangupCause, int sip, String sipDisposition, long nowMs) {
        ended = true;
        cause = hangupCause;
        sipStatus = sip;
        disposition = sipDisposition;
        hangupMs = nowMs;
        if (next != null) {
            next.cancel(false);
            next = null;
        }
    }

    long durationSec() {
        return (hangupMs - createdMs) / 1000;
    }

    long billSec() {
        return answeredMs < 0 ? 0 : (hangupMs - answeredMs) / 1000;
    }

    long progressSec() {
        return progressMs < 0 ? 0 : (progressMs - createdMs) / 1000;
    }
}
