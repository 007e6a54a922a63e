package dev.framekit.demos.echo;

import dev.framekit.demos.reply.ReplyClientCommand;
import picocli.CommandLine.Command;

/** {@code framekit echo-client}: sends messages to an echo server and prints the replies. */
@Command(name = "echo-client", mixinStandardHelpOptions = true,
        description = "Send messages to an echo server and print each reply on its own line.")
public final class EchoClientCommand extends ReplyClientCommand {}
