package dev.framekit.demos.compare.measure;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * One single-threaded NIO event loop for one side of one Netty run, whose thread's CPU time and
 * allocation compare reads (before shutting it down) as that side's cost.
 */
final class NettyThreads implements ThreadFactory, AutoCloseable {
    private final List<Thread> threads = new CopyOnWriteArrayList<>();
    private final String name;
    private final EventLoopGroup group;

    NettyThreads(String name) {
        this.name = name;
        this.group = new MultiThreadIoEventLoopGroup(1, this, NioIoHandler.newFactory());
    }

    EventLoopGroup group() {
        return group;
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
