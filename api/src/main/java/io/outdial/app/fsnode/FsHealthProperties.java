package io.outdial.app.fsnode;

import io.outdial.activities.fshealth.FsHealthSettings;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * FS node health checks of this app node (prefix {@code outdial.fs-health}).
 *
 * @param enabled           whether this app node probes, votes and evaluates at all
 * @param checkInterval     how often it actively probes every FS node ({@code api status}), votes and evaluates
 * @param linkWatchInterval how often it looks at its own ESL links and votes at once on a link that dropped
 *                          or came back (no network traffic unless something changed)
 * @param probeTimeout      a node that does not answer the probe within this is unreachable (and its link is reset)
 * @param liveWindow        a worker that has not voted for this long no longer counts, nor do its votes
 * @param newNodeGrace      a node this app node has known for less than this is not voted unreachable yet
 */
@ConfigurationProperties("outdial.fs-health")
public record FsHealthProperties(@DefaultValue("true") boolean enabled,
                                 @DefaultValue("10s") Duration checkInterval,
                                 @DefaultValue("1s") Duration linkWatchInterval,
                                 @DefaultValue("2s") Duration probeTimeout,
                                 @DefaultValue("25s") Duration liveWindow,
                                 @DefaultValue("5s") Duration newNodeGrace) {

    /** The same settings for the health classes of the activities module. */
    public FsHealthSettings settings() {
        return new FsHealthSettings(checkInterval, probeTimeout, liveWindow, newNodeGrace);
    }
}
