package io.outdial.activities.esl;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.codec.CorruptedFrameException;
import io.netty.handler.codec.TooLongFrameException;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads ESL frames: {@code Name: value} lines ended by a blank line, then exactly
 * {@code Content-Length} body bytes if that header is present. Frames may arrive split anywhere;
 * the decoder keeps its place between reads. Emits {@link EslFrame}.
 */
final class EslFrameDecoder extends ByteToMessageDecoder {

    static final int MAX_LINE_BYTES = 64 * 1024;
    static final int MAX_BODY_BYTES = 16 * 1024 * 1024;

    private Map<String, String> headers = new LinkedHashMap<>();
    /** Body bytes still to read for the current frame; -1 while reading headers. */
    private int bodyLength = -1;

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        while (true) {
            if (bodyLength >= 0) {
                if (in.readableBytes() < bodyLength) {
                    return;
                }
                String body = in.readCharSequence(bodyLength, StandardCharsets.UTF_8).toString();
                emit(out, body);
                continue;
            }
            int eol = in.indexOf(in.readerIndex(), in.writerIndex(), (byte) '\n');
            if (eol < 0) {
                if (in.readableBytes() > MAX_LINE_BYTES) {
                    throw new TooLongFrameException("ESL header line longer than " + MAX_LINE_BYTES + " bytes");
                }
                return;
            }
            int length = eol - in.readerIndex();
            String line = in.readCharSequence(length, StandardCharsets.UTF_8).toString();
            in.skipBytes(1);
            if (line.endsWith("\r")) {
                line = line.substring(0, line.length() - 1);
            }
            if (!line.isEmpty()) {
                EslHeaderLine.addTo(headers, line, false);
            } else if (!headers.isEmpty()) {
                endOfHeaders(out);
            }
        }
    }

    private void endOfHeaders(List<Object> out) {
        String contentLength = headers.get("Content-Length");
        int length = contentLength == null ? 0 : parseLength(contentLength);
        if (length > 0) {
            bodyLength = length;
        } else {
            emit(out, "");
        }
    }

    private void emit(List<Object> out, String body) {
        out.add(new EslFrame(headers, body));
        headers = new LinkedHashMap<>();
        bodyLength = -1;
    }

    private static int parseLength(String value) {
        int length;
        try {
            length = Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new CorruptedFrameException("bad ESL Content-Length: " + value);
        }
        if (length < 0 || length > MAX_BODY_BYTES) {
            throw new CorruptedFrameException("ESL Content-Length out of range: " + length);
        }
        return length;
    }
}
