package dev.framekit.demos.cli;

import dev.framekit.demos.net.FramedServer;
import dev.framekit.demos.net.NetworkErrors;
import dev.framekit.framing.Framer;
import java.io.IOException;
import java.net.BindException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** What every command does the same way: build the framer, run a server, report a failure in one line. */
public final class Commands {
    private Commands() {}

    /** The framer the options describe; a bad combination is a usage error naming the option. */
    public static Framer framer(CommandSpec spec, FramingOptions options) {
        try {
            return options.framer();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    /** Binds, serves until Ctrl-C, and returns the exit status; failures are one line on stderr. */
    public static int runServer(String name, FramedServer server, ServerOptions options) {
        return runServer(name, server, options.host, options.port);
    }

    /** Binds {@code host:port}, serves until Ctrl-C, and returns the exit status; failures are one line on stderr. */
    public static int runServer(String name, FramedServer server, String host, int port) {
        try {
            server.bind();
        } catch (BindException e) {
            boolean notOurs = String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT).contains("assign");
            System.err.println(name + ": cannot listen on " + host + ":" + port + ": " + e.getMessage()
                    + (notOurs ? " (is " + host + " an address of this machine? 0.0.0.0 binds every interface)"
                            : " (is another server using the port? choose another with --port)"));
            return 1;
        } catch (IOException e) {
            System.err.println(name + ": cannot listen on " + host + ":" + port + ": " + NetworkErrors.describe(e));
            return 1;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "shutdown"));
        try {
            server.serve();
            return 0;
        } catch (IOException e) {
            System.err.println(name + ": " + NetworkErrors.describe(e));
            return 1;
        }
    }
}
