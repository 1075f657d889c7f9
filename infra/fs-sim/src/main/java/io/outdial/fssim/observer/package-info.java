/** The observer HTTP API and the thread-safe counters behind {@code GET /sim/stats}. */
package io.outdial.fssim.observer;
