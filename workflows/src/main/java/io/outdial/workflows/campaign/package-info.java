/**
 * The per-campaign scheduler: {@link io.outdial.workflows.campaign.CampaignWorkflow} releases calls
 * in one-second rounds through {@link io.outdial.workflows.campaign.CampaignActivities}.
 */
package io.outdial.workflows.campaign;
