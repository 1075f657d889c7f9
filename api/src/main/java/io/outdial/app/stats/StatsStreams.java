package io.outdial.app.stats;

import io.outdial.app.web.ApiProblem;
import io.outdial.app.web.ProblemType;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongFunction;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Every open stats stream of this app node, fed by ONE scheduler thread: each tick reads the stats of
 * every campaign that has a stream once, and sends them to all its streams as an event named
 * {@value #STATS}. When a campaign has ended, its streams get a last event named {@value #ENDED} and
 * complete. At most {@link StatsStreamProperties#maxStreams()} are open at once; one more is a 503.
 * A stream leaves the registry (and frees its slot) exactly once, however it ends: completion, timeout,
 * error, a failed send (the client went away) or shutdown.
 */
public class StatsStreams implements AutoCloseable {

    /** The name of the periodic event. */
    public static final String STATS = "stats";
    /** The name of the last event, sent once the campaign has ended. */
    public static final String ENDED = "ended";

    private static final Logger log = LoggerFactory.getLogger(StatsStreams.class);

    private final LongFunction<CampaignStats> snapshots;
    private final StatsStreamProperties properties;
    private final Semaphore slots;
    private final Set<Stream> streams = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService scheduler;

    /** @param snapshots the stats of a campaign now, unscoped (the tenant is checked before a stream opens) */
    public StatsStreams(LongFunction<CampaignStats> snapshots, StatsStreamProperties properties) {
        this.snapshots = snapshots;
        this.properties = properties;
        this.slots = new Semaphore(properties.maxStreams());
        this.scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "stats-streams");
            thread.setDaemon(true);
            return thread;
        });
        long interval = properties.interval().toMillis();
        scheduler.scheduleAtFixedRate(this::tick, interval, interval, TimeUnit.MILLISECONDS);
    }

    /** Opens a stream of the campaign's stats; a 503 problem when {@code maxStreams} are open already. */
    public SseEmitter open(long campaignId) {
        if (!slots.tryAcquire()) {
            throw new ApiProblem(ProblemType.UNAVAILABLE, "Too many stats streams are open ("
                    + properties.maxStreams() + "); try again later");
        }
        SseEmitter emitter = new SseEmitter(properties.maxDuration().toMillis());
        Stream stream = new Stream(campaignId, emitter);
        emitter.onCompletion(stream::close);
        emitter.onTimeout(() -> {
            stream.close();
            emitter.complete();
        });
        emitter.onError(error -> stream.close());
        streams.add(stream);
        return emitter;
    }

    /** How many streams are open. */
    public int openStreams() {
        return streams.size();
    }

    private void tick() {
        try {
            Map<Long, List<Stream>> byCampaign = streams.stream().collect(Collectors.groupingBy(Stream::campaignId));
            Map<Long, CampaignStats> read = new HashMap<>();
            byCampaign.forEach((campaignId, campaignStreams) -> {
                CampaignStats stats;
                try {
                    stats = read.computeIfAbsent(campaignId, snapshots::apply);
                } catch (RuntimeException e) {
                    // the next tick tries again; the client sees a gap, not an error
                    log.warn("Stats of campaign {} could not be read: {}", campaignId, e.toString());
                    return;
                }
                campaignStreams.forEach(stream -> stream.send(stats));
            });
        } catch (RuntimeException e) {
            log.error("Stats stream tick failed", e);
        }
    }

    /** Completes every stream and stops the scheduler. */
    @Override
    public void close() {
        scheduler.shutdownNow();
        streams.forEach(stream -> {
            stream.close();
            stream.emitter().complete();
        });
    }

    private final class Stream {

        private final long campaignId;
        private final SseEmitter emitter;
        private final AtomicBoolean closed = new AtomicBoolean();

        Stream(long campaignId, SseEmitter emitter) {
            this.campaignId = campaignId;
            this.emitter = emitter;
        }

        long campaignId() {
            return campaignId;
        }

        SseEmitter emitter() {
            return emitter;
        }

        void send(CampaignStats stats) {
            try {
                if (stats.ended()) {
                    emitter.send(SseEmitter.event().name(ENDED).data(stats, MediaType.APPLICATION_JSON));
                    close();
                    emitter.complete();
                } else {
                    emitter.send(SseEmitter.event().name(STATS).data(stats, MediaType.APPLICATION_JSON));
                }
            } catch (IOException | IllegalStateException e) {
                // the client went away (or the emitter is done): the container reports the error too
                log.debug("Stats stream of campaign {} closed: {}", campaignId, e.toString());
                close();
                emitter.completeWithError(e);
            }
        }

        /** Leaves the registry and frees the slot, once. */
        void close() {
            if (closed.compareAndSet(false, true)) {
                streams.remove(this);
                slots.release();
            }
        }
    }
}
