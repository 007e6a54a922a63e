package dev.framekit.framing.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Something a test needs from the machine, how to tell whether it is there, and what to install
 * when it is not. A test names what it needs with {@link Needs}; where it is missing the test is
 * skipped and the report says why ({@link NeedsCondition}). {@code .ci/install-peers} installs
 * every one of them, so CI skips nothing.
 */
public enum Capability {
    /** Debian's {@code /usr/bin/python3} (the {@code python3} first on PATH may lack Debian's modules). */
    PYTHON3("python3", () -> executable(Capability.PYTHON)),
    /** Twisted's {@code IntNStringReceiver} and {@code NetstringReceiver}. */
    PYTHON3_TWISTED("python3-twisted", () -> pythonImports("twisted.protocols.basic")),
    /** Python's {@code websockets} library. */
    PYTHON3_WEBSOCKETS("python3-websockets", () -> pythonImports("websockets")),
    /** curl, an HTTP client nobody here wrote. */
    CURL("curl", () -> executable("/usr/bin/curl")),
    /** headless Chromium and the ChromeDriver that drives it. */
    CHROMIUM("chromium chromium-driver", () -> executable("/usr/bin/chromium").or(() -> executable("/usr/bin/chromedriver"))),
    /** util-linux's taskset, and two CPUs or more to choose one from. */
    TASKSET("util-linux", () -> executable("/usr/bin/taskset").or(() -> Runtime.getRuntime().availableProcessors() >= 2
            ? Optional.empty() : Optional.of("only one CPU here"))),
    /** iproute2's {@code ss}, which lists the kernel's sockets with their state and queues. */
    SS("iproute2", () -> executable("/usr/bin/ss").isEmpty() ? Optional.empty() : executable("/bin/ss")),
    /** netcat (OpenBSD's), the line client the docs and the README tour show. */
    NETCAT("netcat-openbsd", () -> executable("/usr/bin/nc").isEmpty() ? Optional.empty() : executable("/bin/nc")),
    /** util-linux's prlimit. */
    PRLIMIT("util-linux", () -> executable("/usr/bin/prlimit")),
    /** root and iproute2's {@code ip netns}: two network namespaces joined by a virtual link. */
    NETWORK_NAMESPACES("iproute2, and root", Capability::networkNamespaces),
    /** Eclipse Mosquitto, an MQTT broker nobody here wrote. */
    MOSQUITTO("mosquitto", () -> executable("/usr/sbin/mosquitto")),
    /** The Eclipse Paho MQTT client for Python. */
    PYTHON3_PAHO_MQTT("python3-paho-mqtt", () -> pythonImports("paho.mqtt.client")),
    /** A real Redis server (RESP). */
    REDIS_SERVER("redis-server", () -> executable("/usr/bin/redis-server")),
    /** A real NATS server. */
    NATS_SERVER("nats-server", () -> executable("/usr/sbin/nats-server")),
    /** pyzmq over libzmq: real ZeroMQ sockets that speak ZMTP 3. */
    PYTHON3_ZMQ("python3-zmq", () -> pythonImports("zmq"));

    /** The interpreter the Python peers run on. */
    public static final String PYTHON = "/usr/bin/python3";

    private static final Map<Capability, Optional<String>> PROBED = new ConcurrentHashMap<>();

    private final String debianPackages;
    private final Probe probe;

    Capability(String debianPackages, Probe probe) {
        this.debianPackages = debianPackages;
        this.probe = probe;
    }

    /** Why this machine lacks it, or empty where it has it. Probed once per test JVM. */
    public Optional<String> missing() {
        return PROBED.computeIfAbsent(this, capability -> capability.probe.missing());
    }

    /** The skip reason the report shows: what is missing and what to install. */
    public String reason() {
        return "needs " + name().toLowerCase().replace('_', '-') + ": " + missing().orElse("present")
                + " (install the Debian package " + debianPackages + "; .ci/install-peers does)";
    }

    private interface Probe {
        Optional<String> missing();
    }

    private static Optional<String> executable(String path) {
        return Files.isExecutable(Path.of(path)) ? Optional.empty() : Optional.of("no " + path);
    }

    private static Optional<String> pythonImports(String module) {
        return executable(Capability.PYTHON).or(() -> succeeds(List.of(PYTHON, "-c", "import " + module))
                ? Optional.empty() : Optional.of(PYTHON + " cannot import " + module));
    }

    private static Optional<String> networkNamespaces() {
        if (!"root".equals(System.getProperty("user.name"))) {
            return Optional.of("running as " + System.getProperty("user.name") + ", not root");
        }
        return succeeds(List.of("ip", "netns", "list")) ? Optional.empty() : Optional.of("`ip netns list` failed");
    }

    private static boolean succeeds(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
            return process.waitFor(20, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
