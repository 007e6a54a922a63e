package dev.framekit.demos.reverse;

import dev.framekit.demos.reply.ReplyClientCommand;
import picocli.CommandLine.Command;

/** {@code framekit reverse-client}: sends messages to a reverse server and prints the replies. */
@Command(name = "reverse-client", mixinStandardHelpOptions = true,
        description = "Send messages to a reverse server and print each reply on its own line.")
public final class ReverseClientCommand extends ReplyClientCommand {}
