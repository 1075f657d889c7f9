package io.outdial.workflows.call;

/**
 * Another route for a call, or none.
 *
 * @param found    whether a route was found; the other fields are {@code null} when not
 * @param fsNodeId the FreeSWITCH node
 * @param lineId   the line
 * @param gateway  the line's gateway
 */
public record FailoverRoute(boolean found, String fsNodeId, String lineId, String gateway) {

    /** No route is left. */
    public static FailoverRoute none() {
        return new FailoverRoute(false, null, null, null);
    }

    /** A route. */
    public static FailoverRoute of(String fsNodeId, String lineId, String gateway) {
        return new FailoverRoute(true, fsNodeId, lineId, gateway);
    }
}
