import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

/**
 * Builds framekit for a machine with no JDK: a jlink runtime image of the JDK this runs on
 * (the modules framekit.jar needs, no debug information, man pages or headers, compressed), with
 * framekit.jar in {@code lib/} and the launcher in {@code bin/framekit}, as the folder
 * {@code framekit-OS-ARCH} (e.g. {@code framekit-linux-x64}) and a {@code .tar.gz} of it beside.
 * Run by Maven (demos/pom.xml) with the source launcher on the build's JDK toolchain:
 * {@code java RuntimeImage.java MODULES JAR LAUNCHER TARGET-DIR OUTPUT-TIMESTAMP}.
 * The archive is reproducible: its entries are sorted, owned by root and dated OUTPUT-TIMESTAMP.
 */
public final class RuntimeImage {
    private RuntimeImage() {
    }

    public static void main(String[] args) throws IOException {
        String modules = args[0];
        Path jar = Path.of(args[1]);
        Path launcher = Path.of(args[2]);
        Path target = Path.of(args[3]);
        long mtime = Instant.parse(args[4]).getEpochSecond();
        if (!target.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            throw new IllegalStateException("the self-contained framekit is built on Linux or macOS: its launcher is a"
                    + " bash script, and its archive keeps Unix file modes");
        }
        String name = "framekit-" + platform();
        Path image = target.resolve(name);
        deleteRecursively(image);
        long start = System.nanoTime();
        jlink("--add-modules", modules, "--strip-debug", "--no-man-pages", "--no-header-files", "--compress=zip-9",
                "--output", image.toString());
        Files.copy(jar, image.resolve("lib/framekit.jar"));
        Path script = image.resolve("bin/framekit");
        Files.copy(launcher, script);
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path archive = target.resolve(name + ".tar.gz");
        tarGz(image, name, archive, mtime);
        Path module = target.toAbsolutePath().getParent().getFileName(); // demos/target/...: as the root's README says it
        System.out.printf(Locale.ROOT, "framekit runtime image (Java %s): %s and %s (%.1f MB) in %.1f s%n",
                Runtime.version().feature(), module.resolve(target.getFileName()).resolve(name),
                module.resolve(target.getFileName()).resolve(archive.getFileName()), Files.size(archive) / 1e6,
                (System.nanoTime() - start) / 1e9);
    }

    /** {@code linux-x64}, {@code linux-aarch64}, {@code macos-aarch64}, ...: where the image runs. */
    static String platform() {
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
        String osName = os.startsWith("mac") ? "macos" : os.startsWith("windows") ? "windows" : os.replace(' ', '-');
        return osName + "-" + (arch.equals("amd64") || arch.equals("x86_64") ? "x64" : arch);
    }

    private static void jlink(String... args) {
        ToolProvider jlink = ToolProvider.findFirst("jlink").orElseThrow(() -> new IllegalStateException(
                "no jlink in " + System.getProperty("java.home") + ": the runtime image needs a full JDK"));
        StringWriter output = new StringWriter();
        PrintWriter writer = new PrintWriter(output);
        int status = jlink.run(writer, writer, args);
        writer.flush();
        if (status != 0) {
            throw new IllegalStateException("jlink " + String.join(" ", args) + " failed (" + status + "): " + output);
        }
    }

    /** Writes {@code folder} as {@code archive}, every entry under {@code root/}, in ustar format, gzipped. */
    static void tarGz(Path folder, String root, Path archive, long mtime) throws IOException {
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(folder)) {
            paths = walk.sorted(Comparator.comparing(path -> folder.relativize(path).toString())).toList();
        }
        try (OutputStream out = new BufferedOutputStream(new GZIPOutputStream(Files.newOutputStream(archive), 1 << 16))) {
            for (Path path : paths) {
                String relative = folder.relativize(path).toString();
                String entry = relative.isEmpty() ? root + "/" : root + "/" + relative;
                if (Files.isSymbolicLink(path)) {
                    out.write(header(entry, 0777, 0, mtime, '2', Files.readSymbolicLink(path).toString()));
                } else if (Files.isDirectory(path)) {
                    out.write(header(entry.endsWith("/") ? entry : entry + "/", mode(path), 0, mtime, '5', ""));
                } else {
                    long size = Files.size(path);
                    out.write(header(entry, mode(path), size, mtime, '0', ""));
                    Files.copy(path, out);
                    out.write(new byte[(int) ((512 - size % 512) % 512)]);
                }
            }
            out.write(new byte[1024]); // two empty blocks end the archive
        }
    }

    private static int mode(Path path) throws IOException {
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS);
        int mode = 0;
        for (PosixFilePermission permission : permissions) {
            mode |= 0400 >> permission.ordinal(); // OWNER_READ is ordinal 0, OTHERS_EXECUTE is 8
        }
        return mode;
    }

    /** One ustar header block; a name over 100 bytes is split at a '/' into prefix and name. */
    private static byte[] header(String entry, int mode, long size, long mtime, char type, String link) {
        byte[] block = new byte[512];
        String prefix = "";
        String name = entry;
        if (name.length() > 100) {
            int cut = name.lastIndexOf('/', name.length() - 2);
            while (cut > 155) {
                cut = name.lastIndexOf('/', cut - 1);
            }
            if (cut <= 0 || name.length() - cut - 1 > 100) {
                throw new IllegalArgumentException(entry + ": too long a path for a ustar archive");
            }
            prefix = name.substring(0, cut);
            name = name.substring(cut + 1);
        }
        put(block, 0, 100, name);
        put(block, 100, 8, octal(mode, 7));
        put(block, 108, 8, octal(0, 7));
        put(block, 116, 8, octal(0, 7));
        put(block, 124, 12, octal(size, 11));
        put(block, 136, 12, octal(mtime, 11));
        block[156] = (byte) type;
        put(block, 157, 100, link);
        put(block, 257, 8, "ustar\u000000");
        put(block, 265, 32, "root");
        put(block, 297, 32, "root");
        put(block, 345, 155, prefix);
        java.util.Arrays.fill(block, 148, 156, (byte) ' ');
        int sum = 0;
        for (byte b : block) {
            sum += b & 0xff;
        }
        put(block, 148, 8, octal(sum, 6) + "\u0000 ");
        return block;
    }

    private static String octal(long value, int digits) {
        String text = Long.toOctalString(value);
        return "0".repeat(Math.max(0, digits - text.length())) + text;
    }

    private static void put(byte[] block, int offset, int length, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > length) {
            throw new IllegalArgumentException("'" + text + "' does not fit in " + length + " bytes of a tar header");
        }
        System.arraycopy(bytes, 0, block, offset, bytes.length);
    }

    private static void deleteRecursively(Path folder) throws IOException {
        if (!Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
