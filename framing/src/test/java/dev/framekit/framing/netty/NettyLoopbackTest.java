package dev.framekit.framing.netty;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.framekit.framing.FramedConnection;
import dev.framekit.framing.Framer;
import dev.framekit.framing.Framers;
import dev.framekit.framing.LengthField;
import dev.framekit.framing.LengthPrefixFramer;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import dev.framekit.framing.FramingException;
import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicInteger;
import java.time.Duration;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A real Netty NIO server with {@link FramerDecoder} and {@link FramerEncoder} in its pipeline,
 * echoing frames to framekit's blocking {@link FramedConnection} over loopback.
 */
class NettyLoopbackTest {
    private static EventLoopGroup group;

    @BeforeAll
    static void startEventLoop() {
        group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    }

    @AfterAll
    static void stopEventLoop() {
        group.shutdownGracefully(0, 1, java.util.concurrent.TimeUnit.SECONDS).syncUninterruptibly();
    }

    static Stream<Arguments> framers() {
        return Stream.of(
                Arguments.of(Named.of("lines", Framers.lines())),
                Arguments.of(Named.of("length u32", Framers.lengthPrefixed())),
                Arguments.of(Named.of("length u16le counting the header", LengthPrefixFramer.builder()
                        .lengthField(LengthField.littleEndian(2)).lengthIncludesHeader().build())),
                Arguments.of(Named.of("length varint", Framers.lengthPrefixed(LengthField.varint()))),
                Arguments.of(Named.of("netstring", Framers.netstrings())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("framers")
    void echoesFramesBetweenANettyServerAndAFramekitClient(Framer framer) throws Exception {
        Channel server = echoServer(framer);
        try (FramedConnection client = connect(server, framer)) {
            byte[] big = new byte[60_000];
            Random random = new Random(1);
            for (int i = 0; i < big.length; i++) {
                big[i] = (byte) ('a' + random.nextInt(26));
            }
            for (int i = 0; i < 200; i++) {
                client.writer().write("message " + i);
            }
            client.writer().write(big);
            client.writer().write("");
            client.writer().flush();

            for (int i = 0; i < 200; i++) {
                assertEquals("message " + i, client.readString());
            }
            assertArrayEquals(big, client.readByteArray());
            assertEquals("", client.readString());
        } finally {
            server.close().syncUninterruptibly();
        }
    }

    @Test
    void answersASendAndCloseExchangeAndHalfClosesAfterTheReply() throws Exception {
        Framer oneShot = Framers.sendAndClose();
        Channel server = echoServer(oneShot);
        try (FramedConnection client = connect(server, oneShot)) {
            assertEquals("hello over netty", client.exchange("hello over netty"));
            assertNull(client.readString(), "the server's half-close ended the reply, and the stream");
        } finally {
            server.close().syncUninterruptibly();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.framekit.framing.netty.NettyResyncTest#damages")
    void aNettyServerReadsOnPastADamagedFrameAndEchoesTheNext(NettyResyncTest.Damage damage) throws Exception {
        AtomicInteger skipped = new AtomicInteger();
        Channel server = echoServer(damage.framer(), skipped);
        try (FramedConnection client = connect(server, damage.framer())) {
            client.socket().getOutputStream().write(NettyResyncTest.concat(
                    NettyResyncTest.encode(damage.framer(), damage.first()), damage.damaged(),
                    NettyResyncTest.encode(damage.framer(), damage.second())));
            client.socket().getOutputStream().flush();

            assertEquals(damage.first(), client.readString());
            assertEquals(damage.second(), client.readString(), "the frame after the damaged one");
            assertEquals(1, skipped.get(), "the damaged frame reported once");
            client.send(damage.first());
            assertEquals(damage.first(), client.readString(), "the connection carries on");
        } finally {
            server.close().syncUninterruptibly();
        }
    }

    private static FramedConnection connect(Channel server, Framer framer) throws Exception {
        int port = ((InetSocketAddress) server.localAddress()).getPort();
        return FramedConnection.connector("127.0.0.1", port).framer(framer).readTimeout(Duration.ofSeconds(10)).connect();
    }

    private static Channel echoServer(Framer framer) throws InterruptedException {
        return echoServer(framer, null);
    }

    /** An echo server; with {@code skipped}, it counts each frame the decoder skipped and keeps the channel. */
    private static Channel echoServer(Framer framer, AtomicInteger skipped) throws InterruptedException {
        return new ServerBootstrap()
                .group(group)
                .channel(NioServerSocketChannel.class)
                .childOption(ChannelOption.ALLOW_HALF_CLOSURE, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(new FramerDecoder(framer), new FramerEncoder(framer), new Echo(skipped));
                    }
                })
                .bind("127.0.0.1", 0).sync().channel();
    }

    /** Writes every frame back; the encoder frames it again. */
    private static final class Echo extends SimpleChannelInboundHandler<ByteBuf> {
        private final AtomicInteger skipped;

        Echo(AtomicInteger skipped) {
            this.skipped = skipped;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, ByteBuf frame) {
            ctx.write(frame.retain());
        }

        @Override
        public void channelReadComplete(ChannelHandlerContext ctx) {
            ctx.flush();
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            if (skipped != null && cause.getCause() instanceof FramingException framing && framing.isSkipped()) {
                skipped.incrementAndGet(); // the decoder has passed over a damaged frame: read on
                return;
            }
            System.err.println("echo server: " + cause);
            ctx.close();
        }
    }
}
