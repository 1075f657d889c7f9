package io.outdial.fssim.node;

import io.netty.channel.EventLoopGroup;
import io.outdial.fssim.call.CallPlanner;
import io.outdial.fssim.call.Carrier;
import io.outdial.fssim.observer.StatsRecorder;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.concurrent.ScheduledExecutorService;

/**
 * What all nodes of one simulator share: the carrier, the planner, the stats, the clock thread that
 * runs every call and timer, and the Netty event loops.
 */
public record SimContext(Carrier carrier, CallPlanner planner, StatsRecorder stats, ScheduledExecutorService clockThread,
                         Clock clock, ZoneId zone, EventLoopGroup bossGroup, EventLoopGroup workerGroup,
                         String password, Duration heartbeatInterval) {
}
