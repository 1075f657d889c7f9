/**
 * Dev mode: {@link io.outdial.app.dev.DevInfrastructureInitializer} starts embedded PostgreSQL
 * (migrated and seeded), embedded Redis, the FreeSWITCH simulator and Temporal (the {@code temporal}
 * CLI dev server, or the in-process test server in real time) before the application context creates
 * its beans, and points the Spring properties at them.
 */
package io.outdial.app.dev;
