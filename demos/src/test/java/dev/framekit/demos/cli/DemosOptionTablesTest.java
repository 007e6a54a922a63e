package dev.framekit.demos.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.framekit.demos.docs.Markdown;
import dev.framekit.demos.options.ByteSizes;
import dev.framekit.demos.options.Durations;
import java.util.ArrayList;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Every option table of the docs (docs/demos.md, docs/http.md) agrees with {@code --help}. A table says which commands it
 * documents in the comment above it ({@code <!-- options: echo-server echo-client -->}); then every
 * option it names is an option of each of those commands, every default it states in a code span
 * is the default of the first of them, and every option of a documented command is in one of its
 * tables.
 */
class DemosOptionTablesTest {
    private record OptionTable(String doc, List<String> commands, Markdown.Table table) {
        int column(String name) {
            return table.header().indexOf(name);
        }

        String where() {
            return doc + ":" + table.line();
        }
    }

    private static List<OptionTable> optionTables() {
        List<OptionTable> tables = new ArrayList<>();
        for (Path path : Markdown.allDocs()) {
            Markdown doc = Markdown.read(path);
            for (Markdown.Table table : doc.tables()) {
                if (table.comment().startsWith("options:")) {
                    List<String> commands = Arrays.asList(table.comment().substring("options:".length()).strip().split("\\s+"));
                    tables.add(new OptionTable(doc.toString(), commands, table));
                }
            }
        }
        assertTrue(tables.size() >= 7, "found " + tables.size() + " option tables in the docs");
        return tables;
    }

    private static CommandSpec command(String name) {
        CommandLine command = Main.commandLine().getSubcommands().get(name);
        assertNotNull(command, "a doc table documents '" + name + "', which is not a command");
        return command.getCommandSpec();
    }

    /** The option a row documents: the first word of its first cell's code span ({@code --framing NAME} -> {@code --framing}). */
    private static String optionOf(List<String> row) {
        List<String> spans = Markdown.codeSpans(row.get(0));
        assertFalse(spans.isEmpty(), "an option row without the option in a code span: " + row);
        return spans.get(0).split(" ")[0];
    }

    /** The default {@code --help} gives for an option ("(default: 1m, or ..." -> "1m"), else picocli's. */
    static Optional<String> helpDefault(CommandSpec command, OptionSpec option) {
        String description = String.join(" ", option.description()).replaceAll("\\s+", " ");
        Matcher stated = Pattern.compile("default: ([^,;)]+)").matcher(description.replace("${DEFAULT-VALUE}",
                String.valueOf(option.defaultValue())));
        if (stated.find()) {
            return Optional.of(stated.group(1).strip());
        }
        if (option.defaultValue() != null) {
            return Optional.of(option.defaultValue());
        }
        return Optional.ofNullable(option.initialValue()).map(String::valueOf);
    }

    /** Whether a default written in the doc is the one the command has: the same text, size or duration. */
    static boolean sameDefault(String documented, String actual) {
        if (documented.equalsIgnoreCase(actual)) {
            return true;
        }
        try {
            return ByteSizes.parseLong(documented) == ByteSizes.parseLong(actual);
        } catch (RuntimeException notASize) {
            // try a duration
        }
        try {
            Durations durations = new Durations();
            return durations.convert(documented).equals(durations.convert(actual));
        } catch (Exception notADuration) {
            return false;
        }
    }

    @Test
    void everyOptionATableNamesIsAnOptionOfEachCommandItDocuments() {
        List<String> unknown = new ArrayList<>();
        for (OptionTable table : optionTables()) {
            for (List<String> row : table.table().rows()) {
                for (String name : table.commands()) {
                    if (command(name).findOption(optionOf(row)) == null) {
                        unknown.add(optionOf(row) + " is not an option of " + name + " (" + table.where() + ")");
                    }
                }
            }
        }
        assertEquals(List.of(), unknown);
    }

    @Test
    void everyDefaultATableStatesIsTheDefaultTheCommandRunsWith() {
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (OptionTable table : optionTables()) {
            int column = table.column("default");
            assertTrue(column > 0, "an option table without a default column at " + table.where());
            CommandSpec command = command(table.commands().get(0));
            for (List<String> row : table.table().rows()) {
                List<String> documented = Markdown.codeSpans(row.get(column));
                OptionSpec option = command.findOption(optionOf(row));
                if (documented.isEmpty() || option == null) {
                    continue; // a default in words ("half the JVM's max heap"), or an unknown option, reported above
                }
                checked++;
                Optional<String> actual = helpDefault(command, option);
                if (actual.isEmpty() || !sameDefault(documented.get(0), actual.get())) {
                    wrong.add(command.name() + " " + option.longestName() + ": " + table.where() + " says " + documented.get(0)
                            + ", --help says " + actual.orElse("nothing"));
                }
            }
        }
        assertTrue(checked >= 20, "checked only " + checked + " defaults");
        assertEquals(List.of(), wrong);
    }

    @Test
    void everyOptionOfADocumentedCommandIsInOneOfItsTables() {
        Map<String, Set<String>> documented = new LinkedHashMap<>();
        for (OptionTable table : optionTables()) {
            for (String name : table.commands()) {
                for (List<String> row : table.table().rows()) {
                    documented.computeIfAbsent(name, n -> new TreeSet<>()).add(optionOf(row));
                }
            }
        }
        List<String> missing = new ArrayList<>();
        documented.forEach((name, options) -> {
            for (OptionSpec option : command(name).options()) {
                if (!option.usageHelp() && !option.versionHelp() && !option.hidden() && !options.contains(option.longestName())) {
                    missing.add(name + " " + option.longestName());
                }
            }
        });
        assertEquals(List.of(), missing, "options --help lists that no table of the docs documents");
    }

    @Test
    void aDefaultDocumentedInLinesWhereTheCommandCountsBytesIsCaught() {
        assertFalse(sameDefault("10000", "1m"), "--max-queue was documented as 10000 lines; it is 1 MiB");
        assertTrue(sameDefault("1m", "1048576"));
        assertTrue(sameDefault("5m", "300s"));
        assertFalse(sameDefault("30s", "5m"));
    }
}
