/**
 * The campaign REST API ({@code /api/campaigns}): create, add tasks, start, pause, resume, cancel,
 * close input, change pacing, progress. PostgreSQL is the record; the campaign workflow owns a running
 * campaign's state.
 */
package io.outdial.app.campaign;
