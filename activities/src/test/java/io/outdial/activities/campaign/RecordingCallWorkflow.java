package io.outdial.activities.campaign;

import io.outdial.workflows.call.CallRequest;
import io.outdial.workflows.call.CallResult;
import io.outdial.workflows.call.CallWorkflow;
import java.util.Queue;

/** A call workflow that only records that it was started, and with what. */
class RecordingCallWorkflow implements CallWorkflow {

    private final Queue<CallRequest> started;

    RecordingCallWorkflow(Queue<CallRequest> started) {
        this.started = started;
    }

    @Override
    public CallResult run(CallRequest request) {
        started.add(request);
        return new CallResult(request.taskId(), request.attempt(), null, null, 0);
    }
}
