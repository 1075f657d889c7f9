package io.outdial.activities.esl;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A validated {@code originate} command. Nothing is escaped: every field must match a strict pattern,
 * so no CR/LF, space, comma, pipe, brace or quote can end the ESL frame or change the originate.
 * Violations throw {@link IllegalArgumentException} naming the field; the number is masked in messages.
 *
 * @param nodeTag            this app node's tag ({@code dialer_node}), {@code ^[a-z0-9][a-z0-9_-]{0,31}$}
 * @param gateway            sofia gateway name, {@code ^[A-Za-z0-9_.-]{1,64}$}
 * @param number             callee number, {@code ^\+?[0-9]{3,20}$}
 * @param originationUuid    the channel uuid, a UUID
 * @param ringTimeoutSeconds {@code originate_timeout}, 1 to 3600
 * @param vars               extra channel variables, names {@code ^[a-z][a-z0-9_]{0,63}$}, values
 *                           {@code ^[A-Za-z0-9_.:@+-]{0,128}$}, in the given order
 */
public record OriginateCommand(String nodeTag, String gateway, String number, String originationUuid,
                               int ringTimeoutSeconds, Map<String, String> vars) {

    private static final Pattern NUMBER = Pattern.compile("\\+?[0-9]{3,20}");
    private static final Pattern GATEWAY = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
    private static final Pattern VAR_NAME = Pattern.compile("[a-z][a-z0-9_]{0,63}");
    private static final Pattern VAR_VALUE = Pattern.compile("[A-Za-z0-9_.:@+-]{0,128}");
    private static final Pattern NODE_TAG = Pattern.compile("[a-z0-9][a-z0-9_-]{0,31}");
    private static final Set<String> RESERVED = Set.of("origination_uuid", "dialer_node", "originate_timeout");

    public OriginateCommand {
        requireNodeTag(nodeTag);
        if (gateway == null || !GATEWAY.matcher(gateway).matches()) {
            throw new IllegalArgumentException("gateway: must match " + GATEWAY.pattern());
        }
        if (number == null || !NUMBER.matcher(number).matches()) {
            throw new IllegalArgumentException("number: must match " + NUMBER.pattern() + " (got "
                    + NumberMask.mask(number) + ")");
        }
        requireUuid(originationUuid);
        if (ringTimeoutSeconds < 1 || ringTimeoutSeconds > 3600) {
            throw new IllegalArgumentException("ringTimeout: must be 1 to 3600 seconds");
        }
        Map<String, String> copy = new LinkedHashMap<>();
        (vars == null ? Map.<String, String>of() : vars).forEach((name, value) -> {
            if (name == null || !VAR_NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("channelVars: a variable name must match " + VAR_NAME.pattern());
            }
            if (RESERVED.contains(name)) {
                throw new IllegalArgumentException("channelVars." + name + ": is set by the dialer");
            }
            if (value == null || !VAR_VALUE.matcher(value).matches()) {
                throw new IllegalArgumentException("channelVars." + name + ": value must match " + VAR_VALUE.pattern());
            }
            copy.put(name, value);
        });
        vars = Collections.unmodifiableMap(copy);
    }

    /** The command for {@code dial}, tagged with {@code nodeTag}; validates every field. */
    public static OriginateCommand of(String nodeTag, Dial dial) {
        Objects.requireNonNull(dial, "dial");
        Duration ring = dial.ringTimeout();
        if (ring == null || ring.isNegative() || ring.isZero()) {
            throw new IllegalArgumentException("ringTimeout: must be positive");
        }
        long seconds = ring.toSeconds() + (ring.getNano() == 0 ? 0 : 1);
        return new OriginateCommand(nodeTag, dial.gateway(), dial.number(), dial.originationUuid(),
                (int) Math.min(seconds, Integer.MAX_VALUE), dial.channelVars());
    }

    /** {@code originate {origination_uuid=..,dialer_node=..,originate_timeout=..,vars..}sofia/gateway/gw/number &park()}. */
    public String text() {
        StringBuilder text = new StringBuilder(160)
                .append("originate {origination_uuid=").append(originationUuid)
                .append(",dialer_node=").append(nodeTag)
                .append(",originate_timeout=").append(ringTimeoutSeconds);
        vars.forEach((name, value) -> text.append(',').append(name).append('=').append(value));
        return text.append("}sofia/gateway/").append(gateway).append('/').append(number).append(" &park()").toString();
    }

    /** Masks the number, so the record is safe to log. */
    @Override
    public String toString() {
        return "OriginateCommand[nodeTag=" + nodeTag + ", gateway=" + gateway + ", number=" + NumberMask.mask(number)
                + ", originationUuid=" + originationUuid + ", ringTimeoutSeconds=" + ringTimeoutSeconds + "]";
    }

    static String requireNodeTag(String nodeTag) {
        if (nodeTag == null || !NODE_TAG.matcher(nodeTag).matches()) {
            throw new IllegalArgumentException("nodeTag: must match " + NODE_TAG.pattern());
        }
        return nodeTag;
    }

    private static void requireUuid(String uuid) {
        try {
            if (uuid == null || !UUID.fromString(uuid).toString().equalsIgnoreCase(uuid)) {
                throw new IllegalArgumentException("originationUuid: must be a UUID");
            }
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("originationUuid: must be a UUID");
        }
    }
}
