/**
 * Call tasks: the campaign queues in Redis ({@link io.outdial.activities.tasks.TaskQueue}) and the
 * task rows in PostgreSQL ({@link io.outdial.activities.tasks.TaskRepository}), the system of record
 * the queues can be rebuilt from.
 *
 * <p>Key layout: one Redis list per campaign, {@code queue:{campaign:<campaignId>}}, holding task ids
 * in dialing order (head first). The hash tag gives each campaign's queue its own Redis Cluster slot;
 * a rebuild writes a temporary list {@code queue:{campaign:<campaignId>}:rebuild:<uuid>} in the same
 * slot and renames it over the queue in one step. Tasks waiting for a business re-attempt are in the
 * sorted set {@code queue:{campaign:<campaignId>}:delayed}, scored by the epoch millisecond they are due,
 * in the same slot so a round moves due ids into the queue atomically.
 */
package io.outdial.activities.tasks;
