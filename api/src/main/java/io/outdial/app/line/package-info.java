/**
 * The line REST API ({@code /api/lines}): carrier trunks, the gateway that reaches each, its limits,
 * caller id and the FS nodes that carry it. Rounds read lines from PostgreSQL every round, so changes
 * apply to running campaigns from their next round.
 */
package io.outdial.app.line;
