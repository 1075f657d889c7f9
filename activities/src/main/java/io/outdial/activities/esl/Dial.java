package io.outdial.activities.esl;

import java.time.Duration;
import java.util.Map;

/**
 * One originate to send.
 *
 * @param fsNodeId        the FreeSWITCH node to send it to
 * @param gateway         the sofia gateway name ({@code sofia/gateway/<gateway>/<number>})
 * @param number          the callee's number, {@code ^\+?[0-9]{3,20}$}
 * @param originationUuid the channel uuid ({@code origination_uuid})
 * @param channelVars     extra channel variables (names {@code [a-z0-9_]+}, values from a strict
 *                        alphabet); the dialer adds {@code origination_uuid} and its node tag
 * @param ringTimeout     {@code originate_timeout}
 * @param watchTimeout    how long to watch the call before giving up with {@code timedOut}
 */
public record Dial(String fsNodeId, String gateway, String number, String originationUuid,
                   Map<String, String> channelVars, Duration ringTimeout, Duration watchTimeout) {
}
