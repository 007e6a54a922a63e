package dev.framekit.framing.support;

/**
 * The JUnit tag names that sort the unit tests into tiers. {@code ./mvnw test} runs the untagged
 * tests only: a fast, deterministic loop with no external program, no timing window a busy
 * machine can miss, no root and no browser. {@code ./mvnw verify} runs the tagged ones as well
 * (a second Surefire execution in the integration-test phase), then the {@code *IT} classes.
 *
 * <p>Tag a class or a method with the annotation of the same name ({@link Slow}, {@link Peer},
 * {@link Root}, {@link Browser}, {@link NestedMavenBuild}); say what it needs from the machine
 * with {@link Needs}. The lists in the POM ({@code tiers.excluded}) name these constants.
 */
public final class Tiers {
    /** Takes seconds, or waits on a timing window (a read timeout, a sleep) a busy machine can miss. */
    public static final String SLOW = "slow";
    /** Talks to an external program: python3, Twisted, websockets, curl, taskset. */
    public static final String PEER = "peer";
    /** Needs root: network namespaces. */
    public static final String ROOT = "root";
    /** Drives a real browser (headless Chromium through ChromeDriver). */
    public static final String BROWSER = "browser";
    /** Runs a Maven build inside the build. */
    public static final String NESTED_MAVEN = "nested-maven";

    private Tiers() {}
}
