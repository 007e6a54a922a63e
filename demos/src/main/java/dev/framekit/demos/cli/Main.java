package dev.framekit.demos.cli;

import dev.framekit.demos.chat.ChatClientCommand;
import dev.framekit.demos.chat.ChatServerCommand;
import dev.framekit.demos.echo.EchoClientCommand;
import dev.framekit.demos.echo.EchoServerCommand;
import dev.framekit.demos.options.OptionTerms;
import dev.framekit.demos.options.Version;
import dev.framekit.demos.reverse.ReverseClientCommand;
import dev.framekit.demos.reverse.ReverseServerCommand;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code framekit} command line: {@code java -jar demos/target/framekit.jar <command> [options]}. */
@Command(name = "framekit", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Message framing over TCP: servers, clients and a comparison on every framer.",
        subcommands = {
            EchoServerCommand.class, EchoClientCommand.class,
            ReverseServerCommand.class, ReverseClientCommand.class,
            ChatServerCommand.class, ChatClientCommand.class,
            dev.framekit.demos.discovery.DiscoverCommand.class,
            dev.framekit.demos.http.HttpServerCommand.class, dev.framekit.demos.http.HttpGetCommand.class,
            dev.framekit.demos.compare.CompareCommand.class,
            dev.framekit.demos.bench.BenchCommand.class,
            dev.framekit.demos.load.LoadCommand.class,
            CompletionCommand.class,
            CommandLine.HelpCommand.class
        })
public final class Main implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    /** Runs the CLI and exits with its status: 0 success, 1 failure, 2 usage error. */
    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the CLI and returns its exit status. */
    public static int run(String... args) {
        return commandLine().execute(args);
    }

    /** The command line with every subcommand, ready to execute. */
    static CommandLine commandLine() {
        return new CommandLine(new Main())
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setParameterExceptionHandler(Main::usageError);
    }

    /** A usage mistake: one line that says what was wrong (and the nearest command or option to a typo), and where to look. */
    private static int usageError(CommandLine.ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        String name = command.getCommandSpec().qualifiedName(" ");
        command.getErr().println(name + ": " + describe(e));
        command.getErr().println("Try '" + name + " --help' for the options.");
        return command.getCommandSpec().exitCodeOnInvalidInput();
    }

    /**
     * The mistake in the command line's terms: a library range error names the option
     * ({@link OptionTerms}); a mistyped command or option says which one was probably meant.
     */
    static String describe(CommandLine.ParameterException e) {
        String message = OptionTerms.of(e.getMessage());
        if (!(e instanceof CommandLine.UnmatchedArgumentException unmatched)) {
            return message;
        }
        List<String> unmatchedArgs = unmatched.getUnmatched();
        if (!unmatched.isUnknownOption() && !unmatchedArgs.isEmpty()
                && !e.getCommandLine().getSubcommands().isEmpty()) {
            message = "'" + unmatchedArgs.get(0) + "' is not a command";
        }
        List<String> suggestions = unmatched.getSuggestions();
        if (suggestions.isEmpty()) {
            return message;
        }
        return message + "; did you mean " + suggestions.get(0) + "?"; // picocli lists the nearest first
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a command, e.g. echo-server; see --help");
    }
}
