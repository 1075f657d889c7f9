package io.outdial.app.task;

/**
 * How much one upload may carry. A body over its byte limit is a 413, detected while streaming: reading
 * stops there and nothing is spooled. The CSV byte limit leaves 67 bytes a row for a full 1,000,000-row
 * upload (a number, a 20-character external id and a short reference take about 45).
 */
final class UploadLimits {

    /** Data rows of one CSV upload. */
    static final long CSV_ROWS = 1_000_000;
    /** Bytes of one CSV upload: 64 MiB. */
    static final long CSV_BYTES = 64L * 1024 * 1024;
    /** Tasks of one JSON upload. */
    static final int JSON_TASKS = TaskUploadRequest.MAX_TASKS;
    /** Bytes of one JSON upload: 16 MiB (10,000 tasks with the longest valid values take about 4 MiB). */
    static final long JSON_BYTES = 16L * 1024 * 1024;
    /**
     * How much of a rejected body the server still reads (and discards) so that the client, still sending,
     * gets the 413 instead of a connection reset: 256 MiB. Larger bodies are cut off by closing the connection.
     */
    static final int SWALLOW_BYTES = 256 * 1024 * 1024;

    private UploadLimits() {
    }
}
