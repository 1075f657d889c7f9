/**
 * The line REST API ({@code /api/v1/lines}): carrier trunks, the gateway that reaches each, its limits,
 * caller id and the FS nodes that carry it, and its health. Rounds read lines from PostgreSQL every
 * round, so changes apply to running campaigns from their next round. {@link io.outdial.app.line.LineHealthScheduler}
 * runs line health on this app node (settings: {@link io.outdial.app.line.LineHealthProperties}).
 */
package io.outdial.app.line;
