package io.outdial.fssim.esl;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Command frames are cut at the blank line, whatever the line endings and however the bytes arrive. */
class EslCommandDecoderTest {

    final EmbeddedChannel channel = new EmbeddedChannel(new EslCommandDecoder());

    void feed(String text) {
        channel.writeInbound(Unpooled.copiedBuffer(text, StandardCharsets.UTF_8));
    }

    @Test
    void readsCommandAndHeaderLinesInPieces() {
        feed("bgapi originate {a=b}sofia/gateway/gw1/1 &park()\nJob-UU");
        assertThat((Object) channel.readInbound()).isNull();
        feed("ID: j-1\n\n");
        EslCommand cmd = channel.readInbound();
        assertThat(cmd.line()).isEqualTo("bgapi originate {a=b}sofia/gateway/gw1/1 &park()");
        assertThat(cmd.header("job-uuid")).isEqualTo("j-1");
        assertThat(cmd.verb()).isEqualTo("bgapi");
    }

    @Test
    void acceptsCrLfAndSeveralCommandsAtOnce() {
        feed("auth ClueCon\r\n\r\napi status\n\n");
        assertThat(((EslCommand) channel.readInbound()).line()).isEqualTo("auth ClueCon");
        assertThat(((EslCommand) channel.readInbound()).line()).isEqualTo("api status");
    }

    @Test
    void readsABodyAnnouncedByContentLength() {
        feed("sendevent CUSTOM\nContent-Length: 5\n\nhel");
        assertThat((Object) channel.readInbound()).isNull();
        feed("lo");
        assertThat(((EslCommand) channel.readInbound()).body()).isEqualTo("hello");
    }
}
