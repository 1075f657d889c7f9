/**
 * Line health: each line's connect rate and line-fault rate per minute (counted by
 * {@link io.outdial.activities.pacing.ConnectRates} as call outcomes are recorded), judged against
 * its pool's norm by {@link io.outdial.activities.linehealth.LineHealthEvaluator}. A line far below the
 * norm is evicted ({@code lines.evicted_until}) for a cool-down, then on probation: rounds give it at
 * most {@link io.outdial.activities.linehealth.LineHealthSettings#PROBE_CAPS} call per second until
 * its probe calls re-admit it or evict it again. State, reason and since are columns of {@code lines}.
 */
package io.outdial.activities.linehealth;
