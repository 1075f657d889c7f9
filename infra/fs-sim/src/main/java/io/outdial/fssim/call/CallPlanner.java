package io.outdial.fssim.call;

import io.outdial.fssim.CallOutcome;
import io.outdial.fssim.GatewayConfig;
import io.outdial.fssim.MsRange;
import io.outdial.fssim.ScriptedCall;
import java.util.Map;
import java.util.Random;

/** Decides how each call goes: the scripted outcome for its number, else a seeded draw from the gateway's mix. */
public final class CallPlanner {

    private final Map<String, ScriptedCall> scripted;
    private final Random random;

    public CallPlanner(Map<String, ScriptedCall> scripted, long seed) {
        this.scripted = Map.copyOf(scripted);
        this.random = new Random(seed);
    }

    public synchronized CallPlan plan(GatewayConfig gateway, String number) {
        ScriptedCall s = scripted.get(number);
        if (s != null) {
            return new CallPlan(s.outcome(), s.ringMs(), s.talkMs(), s.earlyMedia());
        }
        CallOutcome outcome = gateway.mix().pick(random.nextDouble());
        long ring = draw(gateway.ringMs());
        long talk = draw(gateway.talkMs());
        boolean early = random.nextDouble() < gateway.progressMediaProbability();
        return new CallPlan(outcome, ring, talk, early);
    }

    private long draw(MsRange range) {
        long span = range.maxMs() - range.minMs();
        return range.minMs() + (span == 0 ? 0 : (long) (random.nextDouble() * (span + 1)));
    }
}
