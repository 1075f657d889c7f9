package io.outdial.app.campaign;

import io.outdial.app.web.InputRules;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A change to how a campaign shares and picks resources; an absent field keeps its value. Rounds read
 * these from PostgreSQL every round, so a running campaign follows the change from its next round.
 *
 * @param weight   its share of saturated shared lines relative to other campaigns (1 to 1000); any time
 * @param strategy RANDOM, ROUND_ROBIN or BEST_CONNECT_RATE; any time
 * @param pool     the name of a shared pool or of one dedicated to the campaign's tenant; only while the
 *                 campaign is not running (DRAFT or PAUSED)
 * @param maxAttempts           calls per task at most (1 to 10); any time: a call that ends after the change
 *                              follows it
 * @param reattemptDelaySeconds how long after a busy or unanswered call its task is called again (1 to 86400);
 *                              any time, for calls that end after the change
 */
public record UpdateCampaignRequest(@Min(1) @Max(1000) Integer weight,
                                    @Pattern(regexp = InputRules.STRATEGY) String strategy,
                                    @Size(max = 100) String pool,
                                    @Min(1) @Max(10) Integer maxAttempts,
                                    @Min(1) @Max(86_400) Integer reattemptDelaySeconds) {

    /** A change of weight, strategy or pool only. */
    public UpdateCampaignRequest(Integer weight, String strategy, String pool) {
        this(weight, strategy, pool, null, null);
    }

    boolean empty() {
        return weight == null && strategy == null && pool == null && maxAttempts == null
                && reattemptDelaySeconds == null;
    }
}
