package io.outdial.app.task;

import java.util.List;

/** The tasks of a JSON upload as rows; a task's line is its index in {@code tasks}. */
final class JsonTaskSource implements RowSource {

    private final List<TaskUploadRequest.TaskInput> tasks;
    private int next;

    JsonTaskSource(List<TaskUploadRequest.TaskInput> tasks) {
        this.tasks = tasks;
    }

    @Override
    public RawRow next() {
        if (next == tasks.size()) {
            return null;
        }
        int index = next++;
        TaskUploadRequest.TaskInput task = tasks.get(index);
        return task == null ? new RawRow(index, null, null, null)
                : new RawRow(index, task.phoneNumber(), task.externalId(), task.externalRef());
    }

    @Override
    public FieldNaming naming() {
        return FieldNaming.JSON;
    }

    @Override
    public boolean listsTaskIds() {
        return true;
    }
}
