package io.outdial.fssim.esl;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.util.ReferenceCountUtil;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

/** A reader that stops reading loses events and, like in FS, is cut off after MAX_MISSED lost in a row. */
class SlowReaderTest {

    boolean stalled;

    @Test
    void aReaderFarBehindLosesNewEventsThenIsDisconnected() {
        EslConnection connection = new EslConnection(new PasswordOnlyBackend(), 10);
        EmbeddedChannel channel = new EmbeddedChannel(new ChannelOutboundHandlerAdapter() {
            @Override
            public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
                if (stalled) {
                    ReferenceCountUtil.release(msg);
                } else {
                    ctx.write(msg, promise);
                }
            }
        }, connection);
        channel.writeInbound(new EslCommand("auth ClueCon", Map.of(), null));
        channel.writeInbound(new EslCommand("event plain ALL", Map.of(), null));
        EslEvent heartbeat = EslEvent.builder().header("Event-Name", "HEARTBEAT").build();

        stalled = true;
        for (int i = 0; i < 10 + EslConnection.MAX_MISSED; i++) {
            connection.deliver(heartbeat);
        }
        assertThat(channel.isOpen()).as("still open after exactly MAX_MISSED lost events").isTrue();

        connection.deliver(heartbeat);
        assertThat(channel.isOpen()).isFalse();
    }

    @Test
    void aReaderThatKeepsUpLosesNothing() {
        EslConnection connection = new EslConnection(new PasswordOnlyBackend(), 10);
        EmbeddedChannel channel = new EmbeddedChannel(connection);
        channel.writeInbound(new EslCommand("auth ClueCon", Map.of(), null));
        channel.writeInbound(new EslCommand("event plain ALL", Map.of(), null));
        while (channel.readOutbound() != null) {
            // greeting and replies
        }
        EslEvent heartbeat = EslEvent.builder().header("Event-Name", "HEARTBEAT").build();
        int received = 0;
        for (int i = 0; i < 1000; i++) {
            connection.deliver(heartbeat);
            io.netty.buffer.ByteBuf out = channel.readOutbound();
            if (out != null) {
                received++;
                out.release();
            }
        }
        assertThat(received).isEqualTo(1000);
        assertThat(channel.isOpen()).isTrue();
    }

    static final class PasswordOnlyBackend implements EslBackend {
        @Override
        public boolean checkPassword(String password) {
            return "ClueCon".equals(password);
        }

        @Override
        public CompletionStage<String> api(String command, String args) {
            return CompletableFuture.completedFuture("");
        }

        @Override
        public void bgapi(String jobUuid, String command, String args) {
        }

        @Override
        public void countCommand(String key) {
        }

        @Override
        public void attach(EslConnection connection) {
        }

        @Override
        public void detach(EslConnection connection) {
        }
    }
}
