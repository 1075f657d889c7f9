package io.outdial.activities.testsupport;

import io.outdial.workflows.common.SearchAttributes;
import io.temporal.testing.TestWorkflowEnvironment;

/** In-process Temporal test servers prepared for outdial's workflows. */
public final class TestTemporal {

    private TestTemporal() {
    }

    /**
     * A new in-memory test environment (not started) with every outdial search attribute
     * ({@link SearchAttributes#ALL}) registered. Close it after the test.
     */
    public static TestWorkflowEnvironment environment() {
        TestWorkflowEnvironment environment = TestWorkflowEnvironment.newInstance();
        SearchAttributes.ALL.forEach(key -> environment.registerSearchAttribute(key.getName(), key.getValueType()));
        return environment;
    }
}
