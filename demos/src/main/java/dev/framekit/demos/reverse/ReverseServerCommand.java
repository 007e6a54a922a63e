package dev.framekit.demos.reverse;

import dev.framekit.demos.reply.ReplyServerCommand;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Command;

/** {@code framekit reverse-server}: answers every message reversed (text by code points). */
@Command(name = "reverse-server", mixinStandardHelpOptions = true,
        description = "Serve reverse: every message is answered reversed, UTF-8 text by code points, other bytes byte by byte.")
public final class ReverseServerCommand extends ReplyServerCommand {
    @Override
    protected UnaryOperator<byte[]> reply() {
        return Reverser::reverse;
    }

    @Override
    protected String clientName() {
        return "reverse-client";
    }
}
