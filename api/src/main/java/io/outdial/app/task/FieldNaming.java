package io.outdial.app.task;

/** How a row's field is named in an error: the CSV column, or the JSON path of the task's member. */
enum FieldNaming {
    CSV, JSON;

    String phoneNumber(long line) {
        return this == CSV ? "phone_number" : "tasks[" + line + "].phoneNumber";
    }

    String externalId(long line) {
        return this == CSV ? "external_id" : "tasks[" + line + "].externalId";
    }

    String externalRef(long line) {
        return this == CSV ? "external_ref" : "tasks[" + line + "].externalRef";
    }
}
