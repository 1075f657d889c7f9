package io.outdial.activities.esl;

import io.netty.handler.codec.CorruptedFrameException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonEventParserTest {

    @Test
    void jsonEventsCarryHeadersAsIsAndTheirBodyFromTheBodyField() {
        EslEvent job = JsonEventParser.parse("{\"Event-Name\":\"BACKGROUND_JOB\",\"Job-UUID\":"
                + "\"0c4f2a11-5b6e-4d7c-8a9f-1e2d3c4b5a69\",\"Job-Command-Arg\":\"{dialer_node=app07}sofia/gateway/gw1/1 &park()\","
                + "\"Content-Length\":\"18\",\"_body\":\"-ERR GATEWAY_DOWN\\n\"}");

        assertThat(job.name()).isEqualTo("BACKGROUND_JOB");
        assertThat(job.jobUuid()).isEqualTo("0c4f2a11-5b6e-4d7c-8a9f-1e2d3c4b5a69");
        assertThat(job.header("Job-Command-Arg")).isEqualTo("{dialer_node=app07}sofia/gateway/gw1/1 &park()");
        assertThat(job.body()).isEqualTo("-ERR GATEWAY_DOWN\n");
        assertThat(job.headers()).doesNotContainKey("_body");
    }

    @Test
    void aBrokenJsonBodyIsACorruptFrame() {
        assertThatThrownBy(() -> JsonEventParser.parse("{\"Event-Name\":")).isInstanceOf(CorruptedFrameException.class);
        assertThatThrownBy(() -> JsonEventParser.parse("[1,2]")).isInstanceOf(CorruptedFrameException.class);
    }
}
