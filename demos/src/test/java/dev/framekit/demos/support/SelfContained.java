package dev.framekit.demos.support;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The self-contained framekit ({@code demos/target/framekit-linux-x64} and its {@code .tar.gz},
 * built before the integration tests by {@code src/build/RuntimeImage.java}), run the way a
 * machine without a JDK runs it: unpacked from the archive, {@code framekit} on a PATH that holds
 * no {@code java}, JAVA_HOME unset.
 */
public final class SelfContained {
    /** The image's folder name, and its archive's name without {@code .tar.gz}. */
    public static final String NAME = "framekit-linux-x64";

    /** The few programs the launcher script uses, and nothing else, on the PATH it gets. */
    private static final List<String> TOOLS = List.of("bash", "readlink", "dirname");

    private SelfContained() {
    }

    /** The archive beside framekit.jar; the test is skipped off Linux x64 (the image is this platform's). */
    public static Path archive() {
        assumeTrue(System.getProperty("os.name").toLowerCase(Locale.ROOT).startsWith("linux")
                && System.getProperty("os.arch").equals("amd64"), "the image under test is for Linux x64");
        Path archive = Framekit.jar().resolveSibling(NAME + ".tar.gz");
        if (!Files.isRegularFile(archive)) {
            throw new IllegalStateException(archive + " is missing: ./mvnw verify builds it before the integration"
                    + " tests, ./mvnw package -Pimage in package");
        }
        return archive;
    }

    /** The built image's {@code bin/framekit} (not unpacked), for a test that runs it in this machine's environment. */
    public static Path launcher() {
        Path launcher = archive().resolveSibling(NAME).resolve("bin/framekit");
        if (!Files.isExecutable(launcher)) {
            throw new IllegalStateException(launcher + " is missing: ./mvnw verify builds it before the integration tests");
        }
        return launcher;
    }

    /**
     * Unpacks the archive into {@code folder} with the system's {@code tar} and makes
     * {@code folder/path} a PATH with {@code framekit} (a link to the image's {@code bin/framekit})
     * and the shell tools the launcher uses, but no {@code java}.
     *
     * @return the unpacked image
     */
    public static Path unpack(Path folder) throws IOException, InterruptedException {
        Process tar = new ProcessBuilder("tar", "-xzf", archive().toString(), "-C", folder.toString())
                .redirectErrorStream(true).start();
        String output = new String(tar.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!tar.waitFor(60, TimeUnit.SECONDS) || tar.exitValue() != 0) {
            throw new IOException("tar -xzf " + archive() + " failed: " + output);
        }
        Path image = folder.resolve(NAME);
        Path bin = Files.createDirectories(folder.resolve("path"));
        Files.createSymbolicLink(bin.resolve("framekit"), image.resolve("bin/framekit"));
        for (String tool : TOOLS) { // scripts, not links: a link out of a temporary folder is warned about
            Path script = bin.resolve(tool);
            Files.writeString(script, "#!/usr/bin/bash\nexec /usr/bin/" + tool + " \"$@\"\n");
            Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        return image;
    }

    /**
     * {@code PREFIX... framekit ARGS...} in the environment of a machine with nothing installed:
     * only {@code PATH} (the unpacked folder's {@code path}, see {@link #unpack}), {@code HOME} and
     * a UTF-8 {@code LANG}; no JAVA_HOME. {@code PREFIX} (e.g. {@code ip netns exec NAME}, run by
     * its absolute path) or else {@code env} finds {@code framekit} on that PATH.
     */
    public static ProcessBuilder command(Path unpacked, List<String> prefix, String... args) {
        List<String> command = new ArrayList<>(prefix.isEmpty() ? List.of("/usr/bin/env") : prefix);
        if (!command.get(0).startsWith("/")) {
            command.set(0, Path.of("/usr/sbin", command.get(0)).toString());
        }
        command.add("framekit");
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        Map<String, String> environment = builder.environment();
        environment.clear();
        environment.put("PATH", unpacked.getParent().resolve("path").toString());
        environment.put("HOME", unpacked.getParent().toString());
        environment.put("LANG", "C.UTF-8");
        return builder;
    }
}
