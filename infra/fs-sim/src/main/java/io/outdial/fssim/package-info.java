/**
 * A simulated FreeSWITCH for tests, benchmarks and the dev demo: several nodes in one process, each
 * speaking the inbound Event Socket (ESL) protocol on its own port, carriers behind named gateways
 * with CAPS and concurrency limits, scripted or random call outcomes, and an HTTP observer API.
 *
 * <p>Start one with {@link io.outdial.fssim.FsSim#start(io.outdial.fssim.SimConfig)}; run it alone
 * with {@link io.outdial.fssim.Main}.
 */
package io.outdial.fssim;
