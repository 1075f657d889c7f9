package io.outdial.fssim.esl;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;

/** The non-event frames mod_event_socket sends. */
public final class Frames {

    public static final String GREETING = "Content-Type: auth/request\n\n";
    public static final String DISCONNECT_NOTICE = "Content-Type: text/disconnect-notice\nContent-Length: 67\n\n"
            + "Disconnected, goodbye.\nSee you at ClueCon! http://www.cluecon.com/\n";

    private Frames() {
    }

    public static String commandReply(String replyText) {
        return "Content-Type: command/reply\nReply-Text: " + replyText + "\n\n";
    }

    public static String bgapiReply(String jobUuid) {
        return "Content-Type: command/reply\nReply-Text: +OK Job-UUID: " + jobUuid + "\nJob-UUID: " + jobUuid + "\n\n";
    }

    public static String apiResponse(String body) {
        return "Content-Type: api/response\nContent-Length: " + body.getBytes(StandardCharsets.UTF_8).length
                + "\n\n" + body;
    }

    static ByteBuf buffer(String frame) {
        return Unpooled.copiedBuffer(frame, StandardCharsets.UTF_8);
    }
}
