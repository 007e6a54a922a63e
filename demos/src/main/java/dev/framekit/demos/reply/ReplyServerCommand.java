package dev.framekit.demos.reply;

import dev.framekit.demos.console.Console;
import dev.framekit.demos.console.WireLog;
import dev.framekit.demos.options.Framing;
import dev.framekit.demos.options.FramingOptions;
import dev.framekit.demos.options.ServerOptions;
import dev.framekit.demos.options.Version;
import dev.framekit.demos.server.FramedServer;
import dev.framekit.demos.server.ServerRunner;
import dev.framekit.framing.Framer;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** A server that answers every message with a function of it: the shape of echo and reverse. */
@Command(versionProvider = Version.class)
public abstract class ReplyServerCommand implements Callable<Integer> {
    @Mixin
    ServerOptions server;

    @Mixin
    FramingOptions framing;

    @Spec
    CommandSpec spec;

    /** The reply to one message. */
    protected abstract UnaryOperator<byte[]> reply();

    /** The matching client command's name, for the ready-to-paste hint. */
    protected abstract String clientName();

    @Override
    public Integer call() {
        Framer framer = framing.framer(spec, Framing.Side.SERVER);
        String name = spec.name();
        Console console = new Console(System.out);
        String clientCommand = (clientName() + " --host HOST --port PORT " + framing.asShortArguments()).strip() + " hello";
        FramedServer.Settings settings = new FramedServer.Settings(name, server.host(), server.port(), framer,
                server.idleTimeout(), clientCommand, framing.framing().speaksLines(),
                server.maxConnections(), server.frameTimeout(), server.writeTimeout(), server.maxMemory());
        ReplyHandler handler = new ReplyHandler(reply(), WireLog.of(framing.hexdump(), console, framer),
                framing.framing().connectionPerExchange());
        if ("skip".equalsIgnoreCase(framing.settings().onOversize())) {
            handler = handler.skippingOversize();
        }
        if (framing.skipsBadChecksums()) {
            handler = handler.skippingDamaged();
        }
        if (framing.framing().keepsHeaderFields(framing.settings())) {
            handler = handler.keepingHeaderFields();
        }
        FramedServer listener = new FramedServer(settings, handler, console);
        return ServerRunner.run(listener);
    }
}
