package dev.framekit.demos.compare.measure;

import io.netty.channel.Channel;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * One single-threaded event loop for one side of one Netty run, whose thread's CPU time and
 * allocation compare reads (before shutting it down) as that side's cost: NIO for the naive rows,
 * the native epoll transport for the tuned ones where it loads ({@link #EPOLL}), else NIO.
 */
final class NettyThreads implements ThreadFactory, AutoCloseable {
    /** Whether Netty's native epoll transport loads here (Linux x86-64 with its native library). */
    static final boolean EPOLL = Epoll.isAvailable();

    private final List<Thread> threads = new CopyOnWriteArrayList<>();
    private final String name;
    private final boolean epoll;
    private final EventLoopGroup group;

    NettyThreads(String name, NettyStyle style) {
        this.name = name;
        this.epoll = style == NettyStyle.TUNED && EPOLL;
        IoHandlerFactory io = epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
        this.group = new MultiThreadIoEventLoopGroup(1, this, io);
    }

    /** The transport the tuned rows run on here: {@code epoll} or {@code nio}. */
    static String tunedTransport() {
        return EPOLL ? "epoll" : "nio";
    }

    EventLoopGroup group() {
        return group;
    }

    Class<? extends ServerChannel> serverChannel() {
        return epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
    }

    Class<? extends Channel> channel() {
        return epoll ? EpollSocketChannel.class : NioSocketChannel.class;
    }

    @Override
    public Thread newThread(Runnable task) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        threads.add(thread);
        return thread;
    }

    /** What this loop's thread has spent so far; read it before {@link #close()}. */
    Cost cost() {
        Cost total = Cost.ZERO;
        for (Thread thread : threads) {
            total = total.plus(Cost.ofThread(thread.threadId()));
        }
        return total;
    }

    @Override
    public void close() {
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
