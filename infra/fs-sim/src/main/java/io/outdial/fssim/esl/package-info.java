/**
 * The wire side: command framing, replies, event serialisation (plain and JSON), URL encoding of
 * header values, and per-connection subscriptions and filters, all as mod_event_socket does them.
 */
package io.outdial.fssim.esl;
