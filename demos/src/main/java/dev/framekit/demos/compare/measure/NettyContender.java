package dev.framekit.demos.compare.measure;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.socket.SocketChannel;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * What a framekit user would pick instead: a real Netty client and server over loopback, one
 * event-loop thread each, with one of Netty's frame decoders ({@link NettyFraming}), written in
 * one of two {@link NettyStyle styles} (naive, tuned). Same workload, same verification (the
 * server tallies every frame it decodes; the client every echo), TCP_NODELAY on both ends. The
 * client drives Netty from its event loop, as Netty is meant to be used; the cost of a run is
 * what the two event-loop threads spent.
 */
public final class NettyContender implements Contender {
    private final NettyFraming framing;
    private final NettyStyle style;

    NettyContender(NettyFraming framing, NettyStyle style) {
        this.framing = framing;
        this.style = style;
    }

    /** Every Netty decoder compare runs, in each of {@code styles}: the tuned rows first. */
    public static List<Contender> all(java.util.Collection<NettyStyle> styles) {
        List<Contender> all = new java.util.ArrayList<>();
        for (NettyStyle style : List.of(NettyStyle.TUNED, NettyStyle.NAIVE)) {
            if (styles.contains(style)) {
                java.util.Arrays.stream(NettyFraming.values()).forEach(framing -> all.add(new NettyContender(framing, style)));
            }
        }
        return all;
    }

    /** The transport the tuned rows run on in this JVM: {@code epoll} where Netty's native transport loads, else {@code nio}. */
    public static String tunedTransport() {
        return NettyThreads.tunedTransport();
    }

    @Override
    public String name() {
        return framing.label(style);
    }

    @Override
    public boolean baseline() {
        return false;
    }

    @Override
    public Result.Kind kind() {
        return Result.Kind.NETTY;
    }

    @Override
    public Qualities qualities(int size) {
        return switch (framing) {
            case LENGTH -> new Qualities(true, true, "1 MiB (as set here)", "-");
            case FIXED -> new Qualities(false, true, "the frame size", "any other size (no padding)");
            case LINES, DELIMITER -> new Qualities(false, true, "1 MiB (as set here)", "\\n inside a message");
        };
    }

    @Override
    public StreamRun stream(Workload workload, Budget budget) throws Exception {
        CompletableFuture<Received> received = new CompletableFuture<>();
        AtomicInteger accepted = new AtomicInteger();
        boolean tuned = style == NettyStyle.TUNED;
        NettySender pump = tuned ? new NettyTunedPump(workload, budget, framing) : new NettyPump(workload, budget, framing.newline());
        try (NettyThreads server = new NettyThreads("compare-netty-server", style);
                NettyThreads client = new NettyThreads("compare-netty-client", style)) {
            Channel listening = listen(server, pipeline -> {
                accepted.incrementAndGet();
                NettyReceiver receiver = new NettyReceiver(received);
                pipeline.addLast(receiver.wireCounter(), tuned ? framing.tunedReceiver(workload.size())
                        : framing.decoder(workload.size()), receiver);
            });
            try {
                connect(client, listening, pipeline -> {
                    if (tuned) {
                        pipeline.addLast(pump);
                    } else {
                        add(pipeline, framing.encoder(), pump);
                    }
                });
                long sent = Loopback.await(pump.done());
                Received got = Loopback.await(received);
                return new StreamRun(sent, got.tally(), got.wireBytes(), got.endNanos() - pump.startNanos(),
                        accepted.get(), client.cost(), server.cost());
            } finally {
                listening.close().syncUninterruptibly();
            }
        }
    }

    @Override
    public LatencyRun pingPong(Workload workload, int roundTrips) throws Exception {
        AtomicInteger accepted = new AtomicInteger();
        NettyPinger pinger = new NettyPinger(workload, roundTrips, framing, style);
        NettyEcho echo = new NettyEcho(framing.newline(), style);
        // Tuned: frames stay whole (header, line end) so the echo sends them back as they came, and nobody encodes.
        boolean whole = style == NettyStyle.TUNED;
        ChannelHandler encoder = whole ? null : framing.encoder();
        try (NettyThreads server = new NettyThreads("compare-netty-server", style);
                NettyThreads client = new NettyThreads("compare-netty-client", style)) {
            Channel listening = listen(server, pipeline -> {
                accepted.incrementAndGet();
                add(pipeline, framing.decoder(workload.size(), !whole), encoder, echo);
            });
            try {
                connect(client, listening, pipeline -> add(pipeline, framing.decoder(workload.size(), !whole),
                        encoder, pinger));
                long[] times = Loopback.await(pinger.done());
                return new LatencyRun(times, pinger.echoed(), accepted.get());
            } finally {
                listening.close().syncUninterruptibly();
            }
        }
    }

    private static Channel listen(NettyThreads threads, Consumer<ChannelPipeline> setUp) throws InterruptedException {
        return new ServerBootstrap().group(threads.group()).channel(threads.serverChannel())
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        setUp.accept(channel.pipeline());
                    }
                })
                .bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)).sync().channel();
    }

    private static void connect(NettyThreads threads, Channel listening, Consumer<ChannelPipeline> setUp)
            throws InterruptedException {
        new Bootstrap().group(threads.group()).channel(threads.channel())
                .option(ChannelOption.TCP_NODELAY, true)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        setUp.accept(channel.pipeline());
                    }
                })
                .connect(listening.localAddress()).sync();
    }

    /** Adds the handlers that are there (the encoder is null where the sender frames by hand). */
    private static void add(ChannelPipeline pipeline, ChannelHandler... handlers) {
        for (ChannelHandler handler : handlers) {
            if (handler != null) {
                pipeline.addLast(handler);
            }
        }
    }
}
