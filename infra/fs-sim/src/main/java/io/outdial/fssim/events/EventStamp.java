package io.outdial.fssim.events;

import io.outdial.fssim.esl.EslEvent;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * The node, time and sequence number of one event; writes the headers every FreeSWITCH event starts
 * with, in switch_event.c's order.
 */
public record EventStamp(NodeIdentity node, Instant time, long sequence) {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);
    private static final DateTimeFormatter GMT =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US);

    /** A builder holding Event-Name through Event-Sequence. */
    public EslEvent.Builder begin(String eventName, EventSource source) {
        long micros = ChronoUnit.MICROS.between(Instant.EPOCH, time);
        return EslEvent.builder()
                .header("Event-Name", eventName)
                .header("Core-UUID", node.coreUuid())
                .header("FreeSWITCH-Hostname", node.hostname())
                .header("FreeSWITCH-Switchname", node.hostname())
                .header("FreeSWITCH-IPv4", node.ipv4())
                .header("FreeSWITCH-IPv6", "::1")
                .header("Event-Date-Local", LOCAL.format(ZonedDateTime.ofInstant(time, node.zone())))
                .header("Event-Date-GMT", GMT.format(ZonedDateTime.ofInstant(time, ZoneOffset.UTC)))
                .header("Event-Date-Timestamp", micros)
                .header("Event-Calling-File", source.file())
                .header("Event-Calling-Function", source.function())
                .header("Event-Calling-Line-Number", source.line())
                .header("Event-Sequence", sequence);
    }
}
