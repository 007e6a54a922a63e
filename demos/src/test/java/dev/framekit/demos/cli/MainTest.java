package dev.framekit.demos.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.framekit.demos.options.Framing;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/** Every subcommand answers --help and --version the same way, and offers every registered framing. */
class MainTest {
    private record Run(int status, String out, String err) {}

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = Main.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(err));
        int status = commandLine.execute(args);
        return new Run(status, out.toString(), err.toString());
    }

    static Stream<String> subcommands() {
        return Main.commandLine().getSubcommands().keySet().stream().filter(name -> !name.equals("help"));
    }

    @ParameterizedTest
    @MethodSource("subcommands")
    void everySubcommandPrintsItsHelp(String command) {
        Run run = run(command, "--help");

        assertEquals(0, run.status(), run.err());
        assertTrue(run.out().startsWith("Usage: framekit " + command), run.out());
        assertTrue(run.out().contains("--help") && run.out().contains("--version"), run.out());
    }

    @ParameterizedTest
    @MethodSource("subcommands")
    void everySubcommandPrintsTheVersion(String command) {
        Run run = run(command, "--version");

        assertEquals(0, run.status(), run.err());
        assertTrue(run.out().startsWith("framekit "), command + " --version printed '" + run.out() + "'");
    }

    @ParameterizedTest
    @MethodSource("subcommands")
    void everyFramingOptionOffersEveryRegisteredFraming(String command) {
        CommandLine.Model.OptionSpec framing = Main.commandLine().getSubcommands().get(command).getCommandSpec()
                .findOption("--framing");
        if (framing == null) {
            return;
        }
        List<String> candidates = new java.util.ArrayList<>();
        framing.completionCandidates().forEach(candidates::add);

        assertEquals(Framing.names(), candidates);
        String help = run(command, "--help").out().replaceAll("\\s+", " ");
        assertTrue(help.contains(String.join(", ", Framing.names())), help);
    }

    @org.junit.jupiter.api.Test
    void theTopLevelCommandPrintsTheVersion() {
        Run run = run("--version");

        assertEquals(0, run.status());
        assertFalse(run.out().isBlank());
    }
}
