/**
 * The campaign REST API ({@code /api/v1/campaigns}): create, add tasks, start, pause, resume, cancel,
 * close input, change pacing, change weight, strategy and pool ({@code PATCH /api/v1/campaigns/{id}}), progress.
 * A campaign only ever uses a shared pool or one dedicated to its own tenant. PostgreSQL is the record; the campaign workflow owns a running
 * campaign's state.
 */
package io.outdial.app.campaign;
