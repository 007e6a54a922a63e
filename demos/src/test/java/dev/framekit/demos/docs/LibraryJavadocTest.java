package dev.framekit.demos.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The library's javadoc reads well in the summaries javadoc makes: every exported package says
 * what it holds ({@code package-info.java}), and no public type's summary, the first sentence up
 * to javadoc's first "period then space", is cut short at an initial or an abbreviation
 * ("Netstrings (D." was one).
 */
class LibraryJavadocTest {
    private static final Pattern EXPORTS = Pattern.compile("(?m)^\\s*exports\\s+([\\w.]+)\\s*;");
    private static final Pattern TYPE_DOC = Pattern.compile(
            "/\\*\\*(.*?)\\*/\\s*(?:@[\\w.]+(?:\\([^)]*\\))?\\s*)*public\\s+(?:(?:final|abstract|sealed|non-sealed|static)\\s+)*"
                    + "(?:class|interface|enum|record|@interface)\\s+(\\w+)", Pattern.DOTALL);

    private static Path sources() {
        return Markdown.projectRoot().resolve("framing/src/main/java");
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The text of a javadoc comment's body, without the leading stars, on one line, up to its first block tag. */
    static String description(String comment) {
        String text = comment.replaceAll("(?m)^\\s*\\*", " ").replaceAll("\\s+", " ").strip();
        return text.split("\\s@\\w")[0];
    }

    /** The summary javadoc makes: up to the first period followed by white space (or the end). */
    static String summary(String description) {
        Matcher end = Pattern.compile("\\.(\\s|$)").matcher(description);
        return end.find() ? description.substring(0, end.start() + 1) : description;
    }

    /** Why a summary reads as cut short, if it does. */
    static Optional<String> cutShort(String summary) {
        if (summary.matches("(?s).*(\\b\\p{L}|\\be\\.g|\\bi\\.e|\\betc|\\bvs)\\.$")) {
            return Optional.of("it ends at an initial or an abbreviation (write it with &nbsp; or reword)");
        }
        if (summary.chars().filter(c -> c == '(').count() > summary.chars().filter(c -> c == ')').count()) {
            return Optional.of("it ends inside parentheses");
        }
        if (summary.length() < 12) {
            return Optional.of("it is too short to say anything");
        }
        return Optional.empty();
    }

    @Test
    void everyExportedPackageSaysWhatItHolds() {
        Matcher exports = EXPORTS.matcher(read(sources().resolve("module-info.java")));
        List<String> missing = new ArrayList<>();
        int packages = 0;
        while (exports.find()) {
            packages++;
            Path info = sources().resolve(exports.group(1).replace('.', '/')).resolve("package-info.java");
            if (!Files.isRegularFile(info)) {
                missing.add(exports.group(1) + ": no package-info.java");
                continue;
            }
            Matcher doc = Pattern.compile("/\\*\\*(.*?)\\*/\\s*package\\s", Pattern.DOTALL).matcher(read(info));
            if (!doc.find() || description(doc.group(1)).length() < 40) {
                missing.add(exports.group(1) + ": package-info.java has no description");
            }
        }
        assertTrue(packages >= 2, "module-info exports " + packages + " packages");
        assertEquals(List.of(), missing);
    }

    @Test
    void noPublicTypeHasASummaryCutShort() throws IOException {
        List<String> cut = new ArrayList<>();
        int types = 0;
        try (Stream<Path> files = Files.walk(sources())) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher type = TYPE_DOC.matcher(read(file));
                if (type.find()) {
                    types++;
                    String summary = summary(description(type.group(1)));
                    cutShort(summary).ifPresent(why -> cut.add(type.group(2) + ": \"" + summary + "\": " + why));
                }
            }
        }
        assertTrue(types > 20, "found the javadoc of only " + types + " public types");
        assertEquals(List.of(), cut);
    }

    @Test
    void aSummaryCutAtAnInitialIsCaught() {
        String description = description(" * Netstrings (D. J. Bernstein, 1997): the payload's length, a colon.\n * More.");
        assertEquals("Netstrings (D.", summary(description));
        assertTrue(cutShort(summary(description)).isPresent());
        assertFalse(cutShort(summary(description(" * Netstrings (D.&nbsp;J.&nbsp;Bernstein, 1997): a colon, then a comma."))).isPresent());
    }
}
