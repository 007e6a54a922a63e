package dev.framekit.demos.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A Markdown file of the project's docs, read the way the doc tests need: its headings' anchors
 * (GitHub's rule), its fenced code blocks and its tables, each with the HTML comment written just
 * above it ({@code <!-- options: echo-server echo-client -->}, {@code <!-- output checked -->}).
 */
public final class Markdown {
    private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+(.*)$");
    private static final Pattern COMMENT = Pattern.compile("^<!--\\s*(.*?)\\s*-->$");

    /** A fenced code block: its language tag, its lines, and the comment just above it ("" if none). */
    public record CodeBlock(String language, List<String> lines, String comment, int line) {
        public String text() {
            return String.join("\n", lines);
        }
    }

    /** A table: its header cells, its rows of cells, and the comment just above it ("" if none). */
    public record Table(List<String> header, List<List<String>> rows, String comment, int line) {}

    private final Path path;
    private final List<String> lines;

    private Markdown(Path path, List<String> lines) {
        this.path = path;
        this.lines = lines;
    }

    /** The project's root directory: the tests run in {@code demos/}. */
    public static Path projectRoot() {
        Path here = Path.of("").toAbsolutePath();
        for (Path dir = here; dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("docs")) && Files.isRegularFile(dir.resolve("README.md"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no docs/ and README.md above " + here);
    }

    /** A doc by its path from the project root, e.g. {@code docs/demos.md}. */
    public static Markdown of(String relative) {
        return read(projectRoot().resolve(relative));
    }

    public static Markdown read(Path path) {
        try {
            return new Markdown(path, Files.readAllLines(path, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** README.md and every Markdown file under docs/. */
    public static List<Path> allDocs() {
        Path root = projectRoot();
        List<Path> docs = new ArrayList<>();
        docs.add(root.resolve("README.md"));
        try (Stream<Path> walk = Files.walk(root.resolve("docs"))) {
            walk.filter(p -> p.toString().endsWith(".md")).sorted().forEach(docs::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return docs;
    }

    public Path path() {
        return path;
    }

    /** The text outside fenced code blocks (links and headings live there). */
    public String prose() {
        StringBuilder text = new StringBuilder();
        boolean inBlock = false;
        for (String line : lines) {
            if (line.startsWith("```")) {
                inBlock = !inBlock;
            } else if (!inBlock) {
                text.append(line).append('\n');
            }
        }
        return text.toString();
    }

    /** Every heading's anchor as GitHub makes it: lower case, punctuation dropped, spaces to hyphens, -1, -2 for repeats. */
    public Set<String> anchors() {
        Set<String> anchors = new LinkedHashSet<>();
        Map<String, Integer> seen = new HashMap<>();
        for (String line : prose().split("\n")) {
            Matcher heading = HEADING.matcher(line);
            if (heading.matches()) {
                String slug = slug(heading.group(1));
                int n = seen.merge(slug, 1, Integer::sum) - 1;
                anchors.add(n == 0 ? slug : slug + "-" + n);
            }
        }
        return anchors;
    }

    static String slug(String heading) {
        return heading.strip().toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}_\\- ]", "").replace(' ', '-');
    }

    public List<CodeBlock> codeBlocks() {
        List<CodeBlock> blocks = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("```")) {
                String language = lines.get(i).substring(3).strip();
                int start = i;
                List<String> body = new ArrayList<>();
                for (i++; i < lines.size() && !lines.get(i).startsWith("```"); i++) {
                    body.add(lines.get(i));
                }
                blocks.add(new CodeBlock(language, body, commentAbove(start), start + 1));
            }
        }
        return blocks;
    }

    public List<Table> tables() {
        List<Table> tables = new ArrayList<>();
        boolean inBlock = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.startsWith("```")) {
                inBlock = !inBlock;
                continue;
            }
            if (inBlock || !line.startsWith("|") || i + 1 >= lines.size() || !lines.get(i + 1).matches("\\|[-:| ]+\\|")) {
                continue;
            }
            int start = i;
            List<String> header = cells(line);
            List<List<String>> rows = new ArrayList<>();
            for (i += 2; i < lines.size() && lines.get(i).startsWith("|"); i++) {
                rows.add(cells(lines.get(i)));
            }
            tables.add(new Table(header, rows, commentAbove(start), start + 1));
        }
        return tables;
    }

    /** The cells of a table row; {@code \|} inside a cell is a literal bar. */
    static List<String> cells(String row) {
        String inner = row.strip();
        inner = inner.substring(1, inner.endsWith("|") && !inner.endsWith("\\|") ? inner.length() - 1 : inner.length());
        List<String> cells = new ArrayList<>();
        for (String cell : inner.split("(?<!\\\\)\\|", -1)) {
            cells.add(cell.replace("\\|", "|").strip());
        }
        return cells;
    }

    /** The code spans of a cell, without their backticks. */
    public static List<String> codeSpans(String cell) {
        List<String> spans = new ArrayList<>();
        Matcher span = Pattern.compile("`([^`]+)`").matcher(cell);
        while (span.find()) {
            spans.add(span.group(1));
        }
        return spans;
    }

    private String commentAbove(int index) {
        int i = index - 1;
        while (i >= 0 && lines.get(i).isBlank()) {
            i--;
        }
        if (i < 0) {
            return "";
        }
        Matcher comment = COMMENT.matcher(lines.get(i).strip());
        return comment.matches() ? comment.group(1) : "";
    }

    @Override
    public String toString() {
        return projectRoot().relativize(path).toString();
    }
}
