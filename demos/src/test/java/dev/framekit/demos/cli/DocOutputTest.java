package dev.framekit.demos.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.framekit.demos.docs.Markdown;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every code block the docs mark {@code <!-- output checked -->} shows what the commands in it
 * print today: each {@code $ demos/framekit ...} line is run in this JVM (they are the fast,
 * deterministic ones: help, version, usage mistakes, completion) and its output, standard output
 * then standard error, must be the lines under it.
 */
class DocOutputTest {
    private static final Pattern HEAD = Pattern.compile("\\s*\\|\\s*head -(\\d+)\\s*$");

    /** What --version says without the jar's manifest, as in this test; the jar says the project's version. */
    private static final String DEVELOPMENT_VERSION = "framekit (development build)";

    /** The project's version, from the parent POM: what {@code framekit.jar --version} says. */
    static String projectVersion() {
        try {
            String pom = Files.readString(Markdown.projectRoot().resolve("pom.xml"));
            Matcher version = Pattern.compile("<artifactId>framekit-parent</artifactId>\\s*<version>([^<]+)</version>").matcher(pom);
            assertTrue(version.find(), "no version in pom.xml");
            return version.group(1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Example(String doc, String command, List<String> expected) {}

    private static List<Example> examples() {
        List<Example> examples = new ArrayList<>();
        for (Path path : Markdown.allDocs()) {
            Markdown doc = Markdown.read(path);
            for (Markdown.CodeBlock block : doc.codeBlocks()) {
                if (!block.comment().equals("output checked")) {
                    continue;
                }
                Example current = null;
                for (String line : block.lines()) {
                    if (line.startsWith("$ ")) {
                        current = new Example(doc + ":" + block.line(), line.substring(2), new ArrayList<>());
                        examples.add(current);
                    } else {
                        assertTrue(current != null, doc + ":" + block.line() + ": a checked block must start with a $ command");
                        current.expected().add(line);
                    }
                }
            }
        }
        return examples;
    }

    /** The words of a command line as a POSIX shell splits them (quotes, no expansions). */
    static List<String> words(String commandLine) {
        List<String> words = new ArrayList<>();
        StringBuilder word = null;
        char quote = 0;
        for (char c : commandLine.toCharArray()) {
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                word = word == null ? new StringBuilder() : word;
            } else if (Character.isWhitespace(c)) {
                if (word != null) {
                    words.add(word.toString());
                    word = null;
                }
            } else {
                word = word == null ? new StringBuilder() : word;
                word.append(c);
            }
        }
        if (word != null) {
            words.add(word.toString());
        }
        return words;
    }

    /** Runs a documented command line in this JVM and returns what it printed, line by line. */
    static List<String> run(String commandLine) {
        int head = Integer.MAX_VALUE;
        Matcher pipe = HEAD.matcher(commandLine);
        if (pipe.find()) {
            head = Integer.parseInt(pipe.group(1));
            commandLine = commandLine.substring(0, pipe.start());
        }
        List<String> words = words(commandLine);
        int skip = words.get(0).equals("java") ? 3 : 1; // java -jar demos/target/framekit.jar, or demos/framekit
        assertTrue(words.get(skip - 1).endsWith("framekit") || words.get(skip - 1).endsWith("framekit.jar"),
                "not a framekit command: " + commandLine);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Main.commandLine().setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true))
                .execute(words.subList(skip, words.size()).toArray(String[]::new));
        String printed = (out.toString() + err).replace(DEVELOPMENT_VERSION, "framekit " + projectVersion());
        List<String> lines = new ArrayList<>(Arrays.asList(printed.split("\n", -1)));
        while (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        return lines.subList(0, Math.min(head, lines.size()));
    }

    @Test
    void everyCheckedCommandInTheDocsPrintsWhatTheDocsShow() {
        List<Example> examples = examples();
        assertTrue(examples.size() >= 8, "found " + examples.size() + " checked commands in the docs");
        List<String> differ = new ArrayList<>();
        for (Example example : examples) {
            List<String> actual = run(example.command());
            if (!actual.equals(example.expected())) {
                differ.add(example.doc() + ": $ " + example.command() + "\n  shows:  " + String.join("\n          ", example.expected())
                        + "\n  prints: " + String.join("\n          ", actual));
            }
        }
        assertEquals("", String.join("\n", differ));
    }

    @Test
    void theVersionTheDocsShowIsTheBuildsVersion() {
        List<String> version = run("demos/framekit --version");
        assertEquals(List.of("framekit " + projectVersion()), version);
        assertTrue(examples().stream().anyMatch(e -> e.command().endsWith("--version") && e.expected().equals(version)),
                "no checked block in the docs shows " + version);
    }

    @Test
    void commandLinesAreSplitAsAShellSplitsThem() {
        assertEquals(List.of("demos/framekit", "echo-client", "--pad", "#", "héllo wörld ✓"),
                words("demos/framekit echo-client --pad '#' \"héllo wörld ✓\""));
    }
}
