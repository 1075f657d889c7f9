package io.outdial.activities.pacing;

/**
 * What a campaign brings to the lines it shares with other campaigns.
 *
 * @param weight its weight: competing campaigns get a saturated line's capacity in proportion to
 *               their weights; 0 keeps the weight its rounds registered on the line (1 if none did)
 * @param demand how many calls it wants this second (its round's size); a campaign never gets a share
 *               larger than its demand, so what it leaves goes to the others
 */
public record FairClaim(int weight, int demand) {

    public FairClaim {
        if (weight < 0 || demand < 0) {
            throw new IllegalArgumentException("weight and demand must not be negative: " + weight + ", " + demand);
        }
    }

    /**
     * One call of a campaign whose weight its rounds registered: for a call that reserves on its own
     * (a failover attempt, or one whose lease expired).
     */
    public static FairClaim single() {
        return new FairClaim(0, 1);
    }
}
