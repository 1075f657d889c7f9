package io.outdial.activities.pacing;

/**
 * What a campaign brings to the lines it shares with other campaigns.
 *
 * @param weight its weight: competing campaigns get a saturated line's capacity in proportion to
 *               their weights
 * @param demand how many calls it wants this second (its round's size); a campaign never gets a share
 *               larger than its demand, so what it leaves goes to the others
 */
public record FairClaim(int weight, int demand) {

    public FairClaim {
        if (weight < 1 || demand < 0) {
            throw new IllegalArgumentException("weight must be positive and demand not negative: " + weight + ", " + demand);
        }
    }

    /** A weight of 1 wanting one call: for callers that take one reservation at a time. */
    public static FairClaim single() {
        return new FairClaim(1, 1);
    }
}
