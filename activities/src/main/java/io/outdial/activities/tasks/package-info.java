/**
 * Call tasks: the campaign queues in Redis ({@link io.outdial.activities.tasks.TaskQueue}) and the
 * task rows in PostgreSQL ({@link io.outdial.activities.tasks.TaskRepository}), the system of record
 * the queues can be rebuilt from.
 *
 * <p>Key layout: one Redis list per campaign, {@code queue:{campaign:<campaignId>}}, holding task ids
 * in dialing order (head first). The hash tag gives each campaign's queue its own Redis Cluster slot;
 * a rebuild writes a temporary list {@code queue:{campaign:<campaignId>}:rebuild:<uuid>} in the same
 * slot and renames it over the queue in one step.
 */
package io.outdial.activities.tasks;
