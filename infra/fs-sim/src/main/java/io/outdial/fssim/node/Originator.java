package io.outdial.fssim.node;

import io.outdial.fssim.NodeLimits;
import io.outdial.fssim.call.Call;
import io.outdial.fssim.call.CallPlan;
import io.outdial.fssim.call.CallRunner;
import io.outdial.fssim.call.Carrier;
import io.outdial.fssim.call.HangupCause;
import io.outdial.fssim.call.OriginateRequest;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Runs {@code originate} on one node: FS's own limits first, then the gateway (unknown, down), then the
 * carrier's CAPS and concurrency (over them the INVITE gets 503). Runs on the clock thread.
 */
final class Originator {

    static final String USAGE = "-USAGE: <call url> <exten>|&<application_name>(<app_args>) [<dialplan>] "
            + "[<context>] [<cid_name>] [<cid_num>] [<timeout_sec>]\n";

    /** The channel variable the observer counts originates by (the engine tags each call with its campaign). */
    static final String CAMPAIGN_VARIABLE = "campaign_id";

    private final SimContext ctx;
    private final NodeLimits limits;
    private final CallRunner runner;
    private final SessionCounter sessions;

    Originator(SimContext ctx, NodeLimits limits, CallRunner runner, SessionCounter sessions) {
        this.ctx = ctx;
        this.limits = limits;
        this.runner = runner;
        this.sessions = sessions;
    }

    /** Originates; {@code result} later gets {@code +OK <uuid>\n} or {@code -ERR <CAUSE>\n} exactly once. */
    void originate(String args, long receivedAtMs, Consumer<String> result) {
        long second = Math.floorDiv(receivedAtMs, 1000);
        Optional<OriginateRequest> parsed = OriginateRequest.parse(args);
        if (parsed.isEmpty()) {
            ctx.stats().originate(null, null, null, second);
            result.accept(USAGE);
            return;
        }
        OriginateRequest req = parsed.get();
        ctx.stats().originate(ctx.carrier().exists(req.gateway()) ? req.gateway() : null, req.number(),
                req.vars().get(CAMPAIGN_VARIABLE), second);
        if (req.gateway() == null) {
            fail(req.endpoint().startsWith("sofia/gateway/") ? HangupCause.INVALID_GATEWAY : null, result);
            return;
        }
        long nowSecond = Math.floorDiv(ctx.clock().millis(), 1000);
        if (runner.count() >= limits.maxSessions() || sessions.createdIn(nowSecond) >= limits.sessionsPerSecond()) {
            fail(HangupCause.DESTINATION_OUT_OF_ORDER, result);
            return;
        }
        if (!ctx.carrier().exists(req.gateway())) {
            fail(HangupCause.INVALID_GATEWAY, result);
            return;
        }
        if (!ctx.carrier().isUp(req.gateway())) {
            fail(HangupCause.GATEWAY_DOWN, result);
            return;
        }
        String uuid = req.originationUuid().orElseGet(() -> UUID.randomUUID().toString());
        if (runner.exists(uuid)) {
            fail(HangupCause.NORMAL_TEMPORARY_FAILURE, result);
            return;
        }
        Carrier.Admission admission = ctx.carrier().admit(req.gateway(), second);
        CallPlan plan = ctx.planner().plan(ctx.carrier().config(req.gateway()), req.number());
        Call call = new Call(uuid, req.number(), req.gateway(), req.vars(), plan, req.timeoutMillis(),
                ctx.clock().millis(), result);
        sessions.created(nowSecond, runner.count() + 1);
        runner.start(call, admission == Carrier.Admission.ACCEPTED);
    }

    private void fail(HangupCause cause, Consumer<String> result) {
        String name = cause == null ? "CHAN_NOT_IMPLEMENTED" : cause.name();
        ctx.stats().outcome(name, false);
        result.accept("-ERR " + name + "\n");
    }
}
