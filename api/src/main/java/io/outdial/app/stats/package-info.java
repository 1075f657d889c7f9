/**
 * Live figures: a campaign's stats ({@code GET /api/v1/campaigns/{id}/stats}), the same every second as
 * server-sent events ({@code .../stats/stream}, one shared scheduler for every stream, a bounded number of
 * streams), and the FS nodes and lines the caller may use with their calls in flight
 * ({@code GET /api/v1/stats/resources}). Read-only: PostgreSQL for the record, Redis for what is live,
 * the campaign workflow's progress query while it runs.
 */
package io.outdial.app.stats;
