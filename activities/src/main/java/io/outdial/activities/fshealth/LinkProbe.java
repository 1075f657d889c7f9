package io.outdial.activities.fshealth;

import java.time.Duration;
import java.util.Map;

/** What one worker can see of the FS nodes it knows. */
public interface LinkProbe {

    /** Each known node and whether this worker's link to it is up right now, without any network traffic. */
    Map<String, Boolean> links();

    /** Each known node and whether it answered an active probe within {@code timeout}; probes run in parallel. */
    Map<String, Boolean> probe(Duration timeout);
}
