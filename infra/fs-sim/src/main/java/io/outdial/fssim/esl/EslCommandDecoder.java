package io.outdial.fssim.esl;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.codec.TooLongFrameException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Splits the client byte stream into {@link EslCommand}s: lines up to a blank line ({@code \r} is
 * ignored, as FS does), then {@code Content-Length} body bytes if announced. Blank lines between
 * commands are skipped.
 */
public final class EslCommandDecoder extends ByteToMessageDecoder {

    static final int MAX_FRAME = 64 * 1024;

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        while (in.isReadable()) {
            skipLeadingNewlines(in);
            int start = in.readerIndex();
            int end = headerEnd(in, start);
            if (end < 0) {
                if (in.readableBytes() > MAX_FRAME) {
                    throw new TooLongFrameException("ESL command frame over " + MAX_FRAME + " bytes");
                }
                return;
            }
            String head = in.toString(start, end - start, StandardCharsets.UTF_8).replace("\r", "");
            String[] lines = head.split("\n");
            Map<String, String> headers = new LinkedHashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                if (colon > 0) {
                    headers.put(lines[i].substring(0, colon).trim(), lines[i].substring(colon + 1).trim());
                }
            }
            int bodyLength = contentLength(headers);
            int bodyStart = afterBlankLine(in, end);
            if (in.writerIndex() - bodyStart < bodyLength) {
                return;
            }
            String body = bodyLength > 0 ? in.toString(bodyStart, bodyLength, StandardCharsets.UTF_8) : null;
            in.readerIndex(bodyStart + bodyLength);
            out.add(new EslCommand(lines[0].trim(), headers, body));
        }
    }

    private static void skipLeadingNewlines(ByteBuf in) {
        while (in.isReadable()) {
            byte b = in.getByte(in.readerIndex());
            if (b != '\n' && b != '\r') {
                return;
            }
            in.skipBytes(1);
        }
    }

    /** Index of the first byte of the blank line that ends the headers, or -1. */
    private static int headerEnd(ByteBuf in, int from) {
        boolean lineHasContent = true;
        for (int i = from; i < in.writerIndex(); i++) {
            byte b = in.getByte(i);
            if (b == '\n') {
                if (!lineHasContent) {
                    return i;
                }
                lineHasContent = false;
            } else if (b != '\r') {
                lineHasContent = true;
            }
        }
        return -1;
    }

    private static int afterBlankLine(ByteBuf in, int blankLineNewline) {
        return blankLineNewline + 1;
    }

    private static int contentLength(Map<String, String> headers) {
        for (Map.Entry<String, String> h : headers.entrySet()) {
            if (h.getKey().equalsIgnoreCase("Content-Length")) {
                try {
                    int n = Integer.parseInt(h.getValue());
                    if (n < 0 || n > MAX_FRAME) {
                        throw new TooLongFrameException("bad Content-Length " + n);
                    }
                    return n;
                } catch (NumberFormatException e) {
                    throw new TooLongFrameException("bad Content-Length " + h.getValue());
                }
            }
        }
        return 0;
    }
}
