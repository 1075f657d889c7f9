package io.outdial.app.dev;

import static org.assertj.core.api.Assertions.assertThat;

import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TestServerLockLogTest {

    @Test
    void theTestServersLockLogStaysBoundedOnceInstalled() {
        TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance(
                TestEnvironmentOptions.newBuilder().setUseTimeskipping(false).build());
        try {
            assertThat(TestServerLockLog.install(env)).as("the SDK's fields are where we expect them").isTrue();
            assertThat(TestServerLockLog.install(env)).as("installing twice is harmless").isTrue();
            assertThat(TestServerLockLog.size(env)).isBetween(0, TestServerLockLog.CAPACITY);
        } finally {
            env.close();
        }
    }

    @Test
    void theLogForgetsItsOldestEventsAndRemovesFromItsNewestEnd() {
        TestServerLockLog.Bounded log = new TestServerLockLog.Bounded(new java.util.LinkedList<>());
        Object oldest = new Object();
        log.add(oldest);
        IntStream.range(0, TestServerLockLog.CAPACITY + 5).forEach(i -> log.add(new Object()));
        Object newest = new Object();
        log.add(newest);

        assertThat(log).hasSize(TestServerLockLog.CAPACITY).doesNotContain(oldest).endsWith(newest);
        assertThat(log.remove(newest)).isTrue();
        assertThat(log).doesNotContain(newest).hasSize(TestServerLockLog.CAPACITY - 1);
        assertThat(log.remove(oldest)).as("a forgotten event counts as removed: the log is diagnostics only").isTrue();
    }
}
