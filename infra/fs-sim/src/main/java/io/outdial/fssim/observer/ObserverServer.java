package io.outdial.fssim.observer;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import java.net.InetSocketAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The observer HTTP API on 127.0.0.1 (Netty's HTTP codec, no servlet container). */
public final class ObserverServer {

    private static final Logger log = LoggerFactory.getLogger(ObserverServer.class);

    private final Channel channel;

    private ObserverServer(Channel channel) {
        this.channel = channel;
    }

    public static ObserverServer start(int port, SimControls controls, ObjectMapper json, EventLoopGroup boss,
                                       EventLoopGroup workers) throws InterruptedException {
        Channel ch = new ServerBootstrap()
                .group(boss, workers)
                .channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel c) {
                        c.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(64 * 1024),
                                new ObserverHandler(controls, json));
                    }
                })
                .bind("127.0.0.1", port).sync().channel();
        ObserverServer server = new ObserverServer(ch);
        log.info("observer API listening on http://127.0.0.1:{}/sim/stats", server.port());
        return server;
    }

    public int port() {
        return ((InetSocketAddress) channel.localAddress()).getPort();
    }

    public void close() {
        channel.close().syncUninterruptibly();
    }
}
