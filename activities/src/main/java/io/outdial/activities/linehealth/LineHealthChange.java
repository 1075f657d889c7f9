package io.outdial.activities.linehealth;

/**
 * A change one evaluation made to a line.
 *
 * @param lineId the line
 * @param from   its state before
 * @param to     its state after
 * @param reason why, as stored
 */
public record LineHealthChange(String lineId, LineState from, LineState to, String reason) {
}
