package io.outdial.app.call;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/**
 * One event of a workflow's history, without its payloads (inputs and results carry phone numbers).
 *
 * @param eventId its id in the history
 * @param time    when Temporal recorded it
 * @param type    the event type, e.g. {@code ActivityTaskScheduled}
 * @param summary what it names: activity type, timer, signal, update, marker, failure message or the
 *                search attributes upserted; {@code null} when there is nothing to say
 */
@Schema(description = "One event of a workflow history, without payloads")
public record TimelineEvent(long eventId, Instant time, String type, String summary) {
}
