package io.outdial.fssim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import link.thingscloud.freeswitch.esl.IEslEventListener;
import link.thingscloud.freeswitch.esl.inbound.NettyInboundClient;
import link.thingscloud.freeswitch.esl.inbound.option.ConnectState;
import link.thingscloud.freeswitch.esl.inbound.option.InboundClientOption;
import link.thingscloud.freeswitch.esl.inbound.option.ServerOption;
import link.thingscloud.freeswitch.esl.transport.event.EslEvent;
import link.thingscloud.freeswitch.esl.transport.message.EslMessage;
import org.junit.jupiter.api.Test;

/** An independent ESL client library (link.thingscloud:freeswitch-esl) works against the simulator. */
class ThirdPartyClientTest {

    @Test
    void thingscloudClientLogsInSubscribesOriginatesAndReceivesTheEvents() {
        try (FsSim sim = FsSim.start(SimConfig.defaults().withNodes(1)
                .withScripted(Map.of("15550001313", ScriptedCall.answer(50, 50))))) {
            List<EslEvent> events = new CopyOnWriteArrayList<>();
            List<EslEvent> jobs = new CopyOnWriteArrayList<>();
            ServerOption server = new ServerOption("127.0.0.1", sim.eslPort("fs1")).timeoutSeconds(5);
            InboundClientOption option = new InboundClientOption()
                    .defaultPassword("ClueCon")
                    .defaultTimeoutSeconds(5)
                    .addServerOption(server)
                    .addEvents("CHANNEL_CREATE", "CHANNEL_PROGRESS", "CHANNEL_ANSWER", "CHANNEL_HANGUP_COMPLETE",
                            "BACKGROUND_JOB")
                    .addListener(new IEslEventListener() {
                        @Override
                        public void eventReceived(String addr, EslEvent event) {
                            events.add(event);
                        }

                        @Override
                        public void backgroundJobResultReceived(String addr, EslEvent event) {
                            jobs.add(event);
                        }
                    });
            NettyInboundClient client = new NettyInboundClient(option);
            client.start();
            try {
                await().atMost(Duration.ofSeconds(10)).until(() -> server.state() == ConnectState.AUTHED);
                await().atMost(Duration.ofSeconds(5))
                        .until(() -> sim.stats().commands().getOrDefault("fs1", Map.of()).containsKey("event"));

                EslMessage status = client.sendSyncApiCommand(server.addr(), "status", "");
                assertThat(status.getBodyLines()).anyMatch(l -> l.contains("is ready"));

                String jobUuid = client.sendAsyncApiCommand(server.addr(), "originate",
                        "{origination_uuid=tc-1,dialer_node=app07}sofia/gateway/gw1/15550001313 &park()");

                await().atMost(Duration.ofSeconds(10)).until(() -> events.stream()
                        .anyMatch(e -> e.getEventName().equals("CHANNEL_HANGUP_COMPLETE")) && !jobs.isEmpty());
                assertThat(events).extracting(EslEvent::getEventName).containsExactly("CHANNEL_CREATE",
                        "CHANNEL_PROGRESS", "CHANNEL_ANSWER", "CHANNEL_HANGUP_COMPLETE");
                assertThat(events.get(0).getEventHeaders()).containsEntry("Unique-ID", "tc-1")
                        .containsEntry("variable_dialer_node", "app07");
                assertThat(events.get(3).getEventHeaders()).containsEntry("Hangup-Cause", "NORMAL_CLEARING");
                EslEvent job = jobs.get(0);
                assertThat(job.getEventHeaders()).containsEntry("Job-UUID", jobUuid)
                        .containsEntry("Job-Command", "originate");
                assertThat(job.getEventHeaders().get("Job-Command-Arg")).contains("{origination_uuid=tc-1,");
                assertThat(job.getEventBodyLines()).containsExactly("+OK tc-1");
            } finally {
                client.shutdown();
            }
        }
    }
}
