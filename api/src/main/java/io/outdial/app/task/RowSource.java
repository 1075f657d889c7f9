package io.outdial.app.task;

/** The rows of one upload, read one at a time so that a large upload is never held in memory. */
interface RowSource {

    /**
     * The next row, or {@code null} at the end. Throws an {@link io.outdial.app.web.ApiProblem} when the
     * body is malformed or too large.
     */
    RawRow next();

    /** How the fields of this kind of upload are named in errors. */
    FieldNaming naming();

    /** Whether the upload's response lists the new tasks' ids. */
    boolean listsTaskIds();
}
