package dev.framekit.demos.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The live heap of a server under test, measured with the JDK's own jcmd: a full GC, then GC.heap_info. */
public final class HeapUse {
    private HeapUse() {}

    /** Runs a full GC in the server, then returns the heap's used size in KiB. */
    public static long afterGcKib(FramekitProcess server) throws Exception {
        String pid = Long.toString(server.process().pid());
        jcmd(pid, "GC.run");
        String info = jcmd(pid, "GC.heap_info");
        Matcher used = Pattern.compile("used (\\d+)K").matcher(info);
        assertTrue(used.find(), "no heap size in jcmd's answer:\n" + info);
        return Long.parseLong(used.group(1));
    }

    /**
     * The heap after GC once it is under {@code limitKib}, or as it is after 60 s: what peers hold
     * once the server's threads have had their turn (on a busy machine, writers and shrinking
     * buffers can take many seconds to run), without a fixed sleep.
     */
    public static long settledKib(FramekitProcess server, long limitKib) throws Exception {
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(60).toNanos();
        long kib = afterGcKib(server);
        while (kib >= limitKib && System.nanoTime() < deadline) {
            Thread.sleep(2_000);
            kib = afterGcKib(server);
        }
        return kib;
    }

    /** The first {@code lines} lines of the server's class histogram (jcmd GC.class_histogram), for a failure message. */
    public static String histogram(FramekitProcess server, int lines) throws Exception {
        String[] all = jcmd(Long.toString(server.process().pid()), "GC.class_histogram").split("\n");
        return String.join("\n", java.util.Arrays.asList(all).subList(0, Math.min(lines, all.length)));
    }

    private static String jcmd(String pid, String command) throws Exception {
        String jcmd = Path.of(Framekit.java()).resolveSibling("jcmd").toString();
        Process process = new ProcessBuilder(jcmd, pid, command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(30, TimeUnit.SECONDS), "jcmd " + command + " did not finish");
        assertEquals(0, process.exitValue(), "jcmd " + command + ": " + out);
        return out;
    }
}
