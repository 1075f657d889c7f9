package io.outdial.activities.call;

import java.time.Duration;

/** Waits for a while; tests pass one that advances their clock instead. */
@FunctionalInterface
public interface Sleeper {

    Sleeper THREAD = duration -> Thread.sleep(duration.toMillis());

    void sleep(Duration duration) throws InterruptedException;
}
