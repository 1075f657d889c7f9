/**
 * The outdial Spring Boot application, packaged by feature: {@code campaign} (REST API and the
 * campaign service), {@code temporal} (activity beans and the ESL dialer the workers run; the workers
 * themselves are configured under {@code spring.temporal.workers}), {@code config} (node settings,
 * Redis, clock), {@code dev} (embedded infrastructure for dev mode), {@code demo} (the one-command
 * demo) and {@code web} (problem details).
 */
package io.outdial.app;
