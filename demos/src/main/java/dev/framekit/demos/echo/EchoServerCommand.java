package dev.framekit.demos.echo;

import dev.framekit.demos.reply.ReplyServerCommand;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Command;

/** {@code framekit echo-server}: answers every message with the same bytes. */
@Command(name = "echo-server", mixinStandardHelpOptions = true,
        description = "Serve echo: every message is answered with the same bytes, on any framing.")
public final class EchoServerCommand extends ReplyServerCommand {
    @Override
    protected UnaryOperator<byte[]> reply() {
        return message -> message;
    }

    @Override
    protected String clientName() {
        return "echo-client";
    }
}
