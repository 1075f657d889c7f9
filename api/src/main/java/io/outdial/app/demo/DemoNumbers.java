package io.outdial.app.demo;

import io.outdial.app.task.TaskUploadRequest;
import java.util.List;
import java.util.stream.IntStream;

/** The demo's numbers: deterministic, valid and distinct ({@code +1555010nnnn}, fictional 555 numbers). */
final class DemoNumbers {

    private DemoNumbers() {
    }

    static List<TaskUploadRequest.TaskInput> generate(int count) {
        return IntStream.range(0, count)
                .mapToObj(i -> new TaskUploadRequest.TaskInput(String.format("+1555010%04d", i), "demo-" + i))
                .toList();
    }
}
