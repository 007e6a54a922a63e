package dev.framekit.demos.server;

import dev.framekit.demos.console.NetworkErrors;
import java.io.IOException;
import java.net.BindException;
import java.util.Locale;

/** Runs a server the way every server command does: bind, serve until Ctrl-C, report a failure in one line. */
public final class ServerRunner {
    private ServerRunner() {}

    /** Binds, serves until Ctrl-C, and returns the exit status; failures are one line on stderr. */
    public static int run(FramedServer server) {
        return run(server, () -> {});
    }

    /**
     * Like {@link #run(FramedServer)}; on Ctrl-C, {@code beforeClose} runs first (to say goodbye
     * to the peers), then the server closes.
     */
    public static int run(FramedServer server, Runnable beforeClose) {
        return run(server, beforeClose, null, port -> {});
    }

    /**
     * Like {@link #run(FramedServer, Runnable)} with a second listener, {@code companion} (say, a
     * chat room's web port), sharing the shutdown: it binds after {@code server} (then
     * {@code companionBound} gets its port, for the banner), is served on its own thread, and
     * closes with it. Either failing to bind is one line on stderr and exit status 1.
     */
    public static int run(FramedServer server, Runnable beforeClose, FramedServer companion,
            java.util.function.IntConsumer companionBound) {
        return run(server, beforeClose, companion, companionBound, port -> {});
    }

    /**
     * Like {@link #run(FramedServer, Runnable, FramedServer, java.util.function.IntConsumer)};
     * once both listen, {@code bound} gets the server's port (a chat room starts announcing it).
     */
    public static int run(FramedServer server, Runnable beforeClose, FramedServer companion,
            java.util.function.IntConsumer companionBound, java.util.function.IntConsumer bound) {
        int serverPort = bind(server);
        if (serverPort < 0) {
            return 1;
        }
        if (companion != null) {
            int port = bind(companion);
            if (port < 0) {
                server.close();
                return 1;
            }
            companionBound.accept(port);
            Thread.ofPlatform().name(companion.settings().command()).daemon().start(() -> {
                try {
                    companion.serve();
                } catch (IOException e) {
                    System.err.println(companion.settings().command() + ": " + NetworkErrors.describe(e));
                }
            });
        }
        bound.accept(serverPort);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            beforeClose.run();
            if (companion != null) {
                companion.close();
            }
            server.close();
        }, "shutdown"));
        // Any thread not the server's own (a JDK helper, a chat writer) that dies of an Error says so in one line.
        Thread.setDefaultUncaughtExceptionHandler((thread, e) -> {
            try {
                System.err.println(server.settings().command() + ": thread " + thread.getName() + " ended: " + ConnectionErrors.describe(e)
                        .replace("closed after ", "after "));
            } catch (Throwable ignored) {
                // Not even one line could be printed.
            }
        });
        try {
            server.serve();
            return 0;
        } catch (IOException e) {
            System.err.println(server.settings().command() + ": " + NetworkErrors.describe(e));
            return 1;
        }
    }

    /** Binds {@code server} and returns its port; -1 after saying why it cannot. */
    private static int bind(FramedServer server) {
        FramedServer.Settings settings = server.settings();
        String name = settings.command();
        String where = settings.host() + ":" + settings.port();
        try {
            return server.bind();
        } catch (BindException e) {
            boolean notOurs = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT).contains("assign");
            System.err.println(name + ": cannot listen on " + where + ": " + e.getMessage()
                    + (notOurs ? " (is " + settings.host() + " an address of this machine? 0.0.0.0 binds every interface)"
                            : " (is another server using the port? choose another with --port)"));
            return -1;
        } catch (IOException e) {
            System.err.println(name + ": cannot listen on " + where + ": " + NetworkErrors.describe(e));
            return -1;
        }
    }
}
