/**
 * Placing calls through FreeSWITCH's Event Socket (ESL), on our own small Netty client.
 *
 * <p>{@link io.outdial.activities.esl.EslDialer} implements {@link io.outdial.activities.esl.Dialer}: it
 * holds one {@link io.outdial.activities.esl.EslConnection} per FS node. Each connection authenticates
 * (a refused password is an {@link io.outdial.activities.esl.EslAuthException}, never a success),
 * applies this app node's filter before {@code event plain} on every (re)connect, gives every command a
 * timeout (a timed-out command resets the socket, since replies are matched to commands in order), treats
 * a silent socket as lost, and reconnects with capped backoff. An
 * {@link io.outdial.activities.esl.EventRouter} per connection hands each call its own events in arrival
 * order through a {@link io.outdial.activities.esl.CallSubscription}, taken before the originate is sent.
 * {@link io.outdial.activities.esl.OriginateCommand} validates every field of an originate instead of
 * escaping it.
 */
package io.outdial.activities.esl;
