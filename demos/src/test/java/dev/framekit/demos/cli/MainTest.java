package dev.framekit.demos.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.framekit.demos.options.Framing;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/**
 * Every subcommand answers --help and --version the same way, and offers every registered framing;
 * the top-level help describes each in a sentence; mistakes are one line that names the option
 * (and the nearest command or option to a typo); {@code completion bash} writes the script.
 */
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

    @Test
    void theTopLevelCommandPrintsTheVersion() {
        Run run = run("--version");

        assertEquals(0, run.status());
        assertFalse(run.out().isBlank());
    }

    @ParameterizedTest
    @MethodSource("subcommands")
    void theTopLevelHelpDescribesEveryCommandInACompleteSentence(String command) {
        String summary = Main.commandLine().getSubcommands().get(command).getCommandSpec().usageMessage().description()[0];

        assertTrue(Character.isUpperCase(summary.charAt(0)) && summary.endsWith("."), command + ": '" + summary + "'");
        String help = run("--help").out().replaceAll("\\s+", " ");
        assertTrue(help.contains(command + " " + summary), "the help shows '" + summary + "'\n" + help);
    }

    @Test
    void aMistypedCommandSuggestsTheNearestInOneLine() {
        Run run = run("echo-clinet");

        assertEquals(2, run.status());
        assertEquals(List.of("framekit: 'echo-clinet' is not a command; did you mean echo-client?",
                "Try 'framekit --help' for the options."), run.err().lines().toList());
    }

    @Test
    void aMistypedOptionSuggestsTheNearest() {
        Run run = run("echo-client", "--hots", "example.org", "hello");

        assertEquals(2, run.status());
        assertEquals("framekit echo-client: Unknown option: '--hots'; did you mean --host?", run.err().lines().findFirst().orElseThrow());
    }

    /** Every option a framing owns, given with every other framing: the registry's data, so new framings' options join in. */
    static Stream<Arguments> optionsOfAnotherFraming() {
        List<Arguments> cases = new ArrayList<>();
        for (Framing owner : Framing.values()) {
            for (String option : owner.ownOptions()) {
                for (Framing chosen : Framing.values()) {
                    if (!chosen.ownOptions().contains(option)) {
                        cases.add(Arguments.of(option, owner, chosen));
                    }
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} with --framing {2}")
    @MethodSource("optionsOfAnotherFraming")
    void anOptionOfAnotherFramingIsAUsageErrorInOneLine(String option, Framing owner, Framing chosen) {
        // A port nothing listens on and a short timeout: were the option ignored, the client would fail fast with 1.
        Run run = run("echo-client", "--host", "127.0.0.1", "--port", "9", "--timeout", "1s",
                "--framing", chosen.toString(), option, "1", "hello");

        assertEquals(2, run.status(), run.err());
        assertEquals(List.of("framekit echo-client: " + option + " applies to --framing " + owner + " only, not to --framing "
                + chosen + "; drop it, or choose --framing " + owner, "Try 'framekit echo-client --help' for the options."),
                run.err().lines().toList());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rangeMistakes")
    void aRangeErrorNamesTheOptionNotTheLibraryMethod(List<String> options, String expected) {
        List<String> args = new ArrayList<>(List.of("echo-client"));
        args.addAll(options);
        args.add("hello");
        Run run = run(args.toArray(String[]::new));

        assertEquals(2, run.status(), run.err());
        String line = run.err().lines().findFirst().orElseThrow();
        assertTrue(line.contains(expected), line);
        assertFalse(line.matches(".*(maxFrameLength|frameSize).*"), line);
    }

    static Stream<Arguments> rangeMistakes() {
        return Stream.of(
                Arguments.of(List.of("--max-frame", "0"), "--max-frame must be between 1 and 1073741824 bytes, got 0"),
                Arguments.of(List.of("--framing", "delimiter", "--max-frame", "0"), "--max-frame must be between 1"),
                Arguments.of(List.of("--framing", "close", "--max-frame", "1500m"), "--max-frame must be between 1"),
                Arguments.of(List.of("--framing", "fixed", "--frame-size", "0"), "--frame-size must be between 1"));
    }

    @Test
    void completionBashWritesPicocliScriptForEveryCommandAndFraming() {
        Run run = run("completion", "bash");

        assertEquals(0, run.status(), run.err());
        assertTrue(run.out().startsWith("#!/usr/bin/env bash"), run.out());
        assertTrue(run.out().contains("complete -F _complete_framekit"), "registers the function for framekit");
        subcommands().forEach(command -> assertTrue(run.out().contains(command), command + " missing"));
        Framing.names().forEach(name -> assertTrue(run.out().contains(name), "--framing " + name + " missing"));
        assertTrue(run.out().contains("--max-frame"), "options missing");
    }

    @Test
    void completionForAnotherShellIsAUsageError() {
        Run run = run("completion", "fish");

        assertEquals(2, run.status());
        assertTrue(run.err().startsWith("framekit completion: 'fish' is not a shell"), run.err());
    }
}
