package io.outdial.fssim.observer;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Routes the observer API's requests to {@link SimControls} and answers in JSON. */
final class ObserverHandler extends SimpleChannelInboundHandler<FullHttpRequest> {

    private static final Logger log = LoggerFactory.getLogger(ObserverHandler.class);

    private final SimControls controls;
    private final ObjectMapper json;

    ObserverHandler(SimControls controls, ObjectMapper json) {
        this.controls = controls;
        this.json = json;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) throws Exception {
        String path = new QueryStringDecoder(request.uri()).path();
        String[] p = path.replaceAll("^/+|/+$", "").split("/");
        HttpMethod method = request.method();
        FullHttpResponse response;
        try {
            response = route(method, p);
        } catch (IllegalArgumentException e) {
            response = respond(HttpResponseStatus.NOT_FOUND, Map.of("error", e.getMessage()));
        } catch (IllegalStateException e) {
            response = respond(HttpResponseStatus.CONFLICT, Map.of("error", e.getMessage()));
        } catch (RuntimeException e) {
            log.warn("observer request {} {} failed", method, path, e);
            response = respond(HttpResponseStatus.INTERNAL_SERVER_ERROR, Map.of("error", String.valueOf(e)));
        }
        boolean keepAlive = HttpUtil.isKeepAlive(request);
        HttpUtil.setKeepAlive(response, keepAlive);
        var future = ctx.writeAndFlush(response);
        if (!keepAlive) {
            future.addListener(io.netty.channel.ChannelFutureListener.CLOSE);
        }
    }

    private FullHttpResponse route(HttpMethod method, String[] p) throws Exception {
        if (p.length < 2 || !p[0].equals("sim")) {
            return respond(HttpResponseStatus.NOT_FOUND, Map.of("error", "no such resource"));
        }
        if (p.length == 2 && p[1].equals("stats") && method.equals(HttpMethod.GET)) {
            return respond(HttpResponseStatus.OK, controls.stats());
        }
        boolean postRoute = (p.length == 2 && p[1].equals("reset"))
                || (p.length == 4 && (p[1].equals("gateways") || p[1].equals("nodes")));
        if (!postRoute) {
            return respond(HttpResponseStatus.NOT_FOUND, Map.of("error", "no such resource"));
        }
        if (!method.equals(HttpMethod.POST)) {
            return respond(HttpResponseStatus.METHOD_NOT_ALLOWED, Map.of("error", "use POST"));
        }
        if (p.length == 2 && p[1].equals("reset")) {
            controls.resetStats();
            return respond(HttpResponseStatus.OK, Map.of("reset", true));
        }
        if (p.length == 4 && p[1].equals("gateways")) {
            switch (p[3]) {
                case "down" -> controls.gatewayDown(p[2]);
                case "up" -> controls.gatewayUp(p[2]);
                case "fail-503" -> controls.gatewayFail503(p[2]);
                case "recover" -> controls.gatewayRecover(p[2]);
                default -> throw new IllegalArgumentException("unknown gateway action " + p[3]);
            }
            return respond(HttpResponseStatus.OK, Map.of("gateway", p[2], "state", p[3]));
        }
        if (p.length == 4 && p[1].equals("nodes")) {
            switch (p[3]) {
                case "crash" -> controls.crashNode(p[2]);
                case "restart" -> controls.restartNode(p[2]);
                case "hang" -> controls.hangNode(p[2]);
                case "resume" -> controls.resumeNode(p[2]);
                default -> throw new IllegalArgumentException("unknown node action " + p[3]);
            }
            return respond(HttpResponseStatus.OK, Map.of("node", p[2], "action", p[3]));
        }
        return respond(HttpResponseStatus.NOT_FOUND, Map.of("error", "no such resource"));
    }

    private FullHttpResponse respond(HttpResponseStatus status, Object body) throws Exception {
        byte[] bytes = json.writeValueAsBytes(body);
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
                Unpooled.wrappedBuffer(bytes));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON);
        response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, bytes.length);
        return response;
    }
}
