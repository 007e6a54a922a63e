package dev.framekit.demos.readme;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The README's "A 60-second tour", read as the lines a user pastes: each a shell command and the
 * comment after it. {@link ReadmeTourTest} checks that it can run top to bottom as written;
 * {@link ReadmeTourIT} runs it.
 */
final class ReadmeTour {
    static final String HEADING = "## A 60-second tour";
    private static final Pattern QUOTED = Pattern.compile("\"([^\"]+)\"");
    private static final Pattern OPTION_VALUE = Pattern.compile("(?:^|\\s)%s\\s+(\\S+)");

    /** One line of the tour: the command as pasted (with a trailing {@code &} if any) and its comment. */
    record Line(String command, String comment) {
        /** Runs in the background ({@code ... &}). */
        boolean background() {
            return command.endsWith("&");
        }

        /** The command without a trailing {@code &}. */
        String foreground() {
            return background() ? command.substring(0, command.length() - 1).strip() : command;
        }

        /** The framekit command ({@code echo-server}, {@code load}, ...) if this runs {@code demos/framekit}. */
        Optional<String> framekitCommand() {
            String[] words = command.split("\\s+");
            return words.length > 1 && words[0].equals("demos/framekit") ? Optional.of(words[1]) : Optional.empty();
        }

        boolean isServer() {
            return framekitCommand().map(c -> c.endsWith("-server")).orElse(false);
        }

        /** The value of {@code option} on this line, if given. */
        Optional<String> option(String option) {
            Matcher m = Pattern.compile(String.format(OPTION_VALUE.pattern(), Pattern.quote(option))).matcher(foreground());
            return m.find() ? Optional.of(m.group(1)) : Optional.empty();
        }

        /** The slow commands: a full compare (not --quick) and bench. */
        boolean isSlow() {
            String c = framekitCommand().orElse("");
            return c.equals("bench") || (c.equals("compare") && !command.contains("--quick"));
        }

        /** The "..." texts in the comment: what the line prints. */
        List<String> quotedInComment() {
            List<String> quoted = new ArrayList<>();
            Matcher m = QUOTED.matcher(comment);
            while (m.find()) {
                quoted.add(m.group(1));
            }
            return quoted;
        }
    }

    private ReadmeTour() {
    }

    static Path readme() {
        String root = System.getProperty("framekit.root");
        Path dir = root != null ? Path.of(root) : Path.of("").toAbsolutePath();
        for (Path candidate = dir.toAbsolutePath(); candidate != null; candidate = candidate.getParent()) {
            if (Files.isRegularFile(candidate.resolve("README.md")) && Files.isDirectory(candidate.resolve("demos"))) {
                return candidate.resolve("README.md");
            }
        }
        throw new IllegalStateException("no README.md above " + dir);
    }

    /** The prose between the heading and the code block. */
    static String introduction() throws IOException {
        String section = section();
        return section.substring(0, section.indexOf("```sh"));
    }

    /** The tour's lines, in order. */
    static List<Line> lines() throws IOException {
        String section = section();
        int start = section.indexOf("```sh\n") + "```sh\n".length();
        String block = section.substring(start, section.indexOf("\n```", start));
        List<Line> lines = new ArrayList<>();
        for (String raw : block.split("\n")) {
            if (raw.isBlank()) {
                continue;
            }
            int hash = commentStart(raw);
            lines.add(hash < 0 ? new Line(raw.strip(), "")
                    : new Line(raw.substring(0, hash).strip(), raw.substring(hash + 1).strip()));
        }
        return lines;
    }

    private static String section() throws IOException {
        String readme = Files.readString(readme(), StandardCharsets.UTF_8);
        int start = readme.indexOf(HEADING);
        if (start < 0) {
            throw new IllegalStateException("README.md has no \"" + HEADING + "\"");
        }
        int end = readme.indexOf("\n## ", start + HEADING.length());
        return readme.substring(start + HEADING.length(), end < 0 ? readme.length() : end);
    }

    /** Where a shell comment starts: a {@code #} after white space and outside quotes; -1 if none. */
    private static int commentStart(String line) {
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                quote = c == quote ? 0 : quote;
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '#' && i > 0 && Character.isWhitespace(line.charAt(i - 1))) {
                return i;
            }
        }
        return -1;
    }
}
