/**
 * The Temporal side of the engine: workflow and activity contracts, workflow implementations and
 * the pure decision logic (fault classification) they use. This module depends on the Temporal SDK
 * only; an architecture test keeps Redis, JDBC, Spring and Netty out of it.
 */
package io.outdial.workflows;
