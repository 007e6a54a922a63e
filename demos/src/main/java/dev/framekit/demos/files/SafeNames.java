package dev.framekit.demos.files;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;

/**
 * How a file name someone offered becomes a file inside the downloads folder, and never outside
 * it. {@link #clean} keeps a name's letters and drops what could lead elsewhere or mislead:
 *
 * <pre>
 * offered                 saved as
 * ../../etc/passwd        etc_passwd          separators become _, no part of it is . or ..
 * a/b  a\b                a_b
 * ..  .  (empty)          file                nothing left to keep
 * .bashrc                 bashrc              no hidden files
 * "bad\u0007\u202Ename"   badname             control, bidi and invisible characters removed
 * CON.txt                 _CON.txt            names Windows reserves
 * (300 characters).pdf    (cut to 200 bytes).pdf   the extension kept
 * </pre>
 *
 * {@link #claim} then takes the first free name of {@code name}, {@code name (1).ext},
 * {@code name (2).ext}, ..., creating it atomically (an existing file or link is never replaced).
 */
final class SafeNames {
    /** The longest name kept, in UTF-8 bytes (file systems allow 255). */
    static final int MAX_BYTES = 200;
    private static final int MAX_EXTENSION = 16;
    private static final int MAX_CLASHES = 10_000;
    private static final Set<String> RESERVED = Set.of("CON", "PRN", "AUX", "NUL", "COM1", "COM2", "COM3", "COM4",
            "COM5", "COM6", "COM7", "COM8", "COM9", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9");

    private SafeNames() {}

    /** A name made safe: one path component, printable, not hidden, at most {@link #MAX_BYTES}; never empty. */
    public static String clean(String offered) {
        StringBuilder kept = new StringBuilder();
        offered.codePoints().forEach(c -> {
            if (c == '/' || c == '\\' || c == ':') {
                kept.append('_');
            } else if (!Character.isISOControl(c) && Character.getType(c) != Character.FORMAT
                    && Character.getType(c) != Character.UNASSIGNED && Character.getType(c) != Character.PRIVATE_USE
                    && Character.getType(c) != Character.SURROGATE && Character.getType(c) != Character.LINE_SEPARATOR
                    && Character.getType(c) != Character.PARAGRAPH_SEPARATOR) {
                kept.appendCodePoint(c);
            }
        });
        String name = kept.toString().replaceAll("\\.{2,}", ".").replaceAll("_{2,}", "_").strip();
        name = name.replaceAll("^[._ ]+", "").replaceAll("[. ]+$", "");
        if (name.isEmpty()) {
            return "file";
        }
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        if (RESERVED.contains(stem.toUpperCase(Locale.ROOT))) {
            name = "_" + name;
        }
        return shorten(name, MAX_BYTES);
    }

    /**
     * Creates the first free name of {@code name} ({@link #clean cleaned}) in {@code folder}, as an
     * empty file, and returns its path: {@code report.pdf}, {@code report (1).pdf}, ...
     */
    public static Path claim(Path folder, String name) throws IOException {
        String clean = clean(name);
        for (int n = 0; n < MAX_CLASHES; n++) {
            Path candidate = folder.resolve(numbered(clean, n));
            if (!folder.equals(candidate.getParent()) || !candidate.normalize().equals(candidate)) {
                throw new IOException("the name " + candidate.getFileName() + " would leave " + folder); // cannot happen
            }
            try {
                return Files.createFile(candidate);
            } catch (FileAlreadyExistsException taken) {
                // The next number.
            }
        }
        throw new IOException(MAX_CLASHES + " files called " + clean + " in " + folder + " already");
    }

    /** {@code name} with {@code " (n)"} before its extension; itself for 0. */
    static String numbered(String name, int n) {
        if (n == 0) {
            return name;
        }
        String suffix = " (" + n + ")";
        int dot = name.lastIndexOf('.');
        boolean extension = dot > 0 && name.length() - dot <= MAX_EXTENSION;
        String stem = extension ? name.substring(0, dot) : name;
        String ext = extension ? name.substring(dot) : "";
        return shorten(stem, MAX_BYTES - utf8(suffix + ext)) + suffix + ext;
    }

    /** {@code name} cut to {@code maxBytes} of UTF-8, keeping a short extension, never inside a character. */
    private static String shorten(String name, int maxBytes) {
        if (utf8(name) <= maxBytes) {
            return name;
        }
        int dot = name.lastIndexOf('.');
        String ext = dot > 0 && name.length() - dot <= MAX_EXTENSION ? name.substring(dot) : "";
        String stem = name.substring(0, name.length() - ext.length());
        int budget = maxBytes - utf8(ext);
        StringBuilder cut = new StringBuilder();
        int bytes = 0;
        for (int i = 0; i < stem.length();) {
            int c = stem.codePointAt(i);
            bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
            if (bytes > budget) {
                break;
            }
            cut.appendCodePoint(c);
            i += Character.charCount(c);
        }
        return cut.toString().strip() + ext;
    }

    private static int utf8(CharSequence text) {
        return text.toString().getBytes(StandardCharsets.UTF_8).length;
    }
}
