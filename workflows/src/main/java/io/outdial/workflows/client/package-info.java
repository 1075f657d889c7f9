/**
 * The client library for business systems: {@link io.outdial.workflows.client.CampaignClient} steers
 * campaign workflows through a Temporal {@link io.temporal.client.WorkflowClient}, with the records of
 * {@link io.outdial.workflows.campaign}. It depends on the Temporal SDK only. docs/sdk.md describes the
 * same contract for clients in other languages (type names, ids, task queues and JSON payloads).
 */
package io.outdial.workflows.client;
