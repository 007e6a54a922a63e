package dev.framekit.demos.support;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link Framekit} as a JUnit extension: what it stops when, and what a failed test's report gets. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(60)
class FramekitIT {
    @RegisterExtension
    static final Framekit perClass = new Framekit();
    @RegisterExtension
    final Framekit perTest = new Framekit();

    private static FramekitProcess startedBeforeAll;
    private static FramekitProcess startedByTheFirstTest;

    @BeforeAll
    static void startAClassServer() {
        startedBeforeAll = perClass.startServer("echo-server");
    }

    @Test
    @Order(1)
    void aTestStartsAServerOnAFreePortOnceItsReadyLineIsPrinted() {
        startedByTheFirstTest = perTest.startServer("echo-server", "--framing", "delimiter");

        assertTrue(startedByTheFirstTest.isAlive());
        assertTrue(startedByTheFirstTest.readyLine().startsWith("echo-server listening on 127.0.0.1:"
                + startedByTheFirstTest.port() + " "), startedByTheFirstTest.transcript());
    }

    @Test
    @Order(2)
    void whatATestStartedIsStoppedAfterItAndWhatBeforeAllStartedRunsOn() {
        assertFalse(startedByTheFirstTest.isAlive(), "stopped after the test that started it");
        assertTrue(startedBeforeAll.isAlive(), "kept for the class");
    }

    @Test
    @Order(3)
    void afterAFailedTestTheOutputOfWhatItRanGoesIntoTheReport() {
        Framekit framekit = new Framekit();
        ExtensionContext failed = failedTest("someTest()");
        framekit.beforeEach(failed);
        FramekitProcess server = framekit.startServer("echo-server");

        ByteArrayOutputStream report = new ByteArrayOutputStream();
        PrintStream standardOutput = System.out;
        System.setOut(new PrintStream(report, true, StandardCharsets.UTF_8));
        try {
            framekit.afterEach(failed);
        } finally {
            System.setOut(standardOutput);
        }

        String printed = report.toString(StandardCharsets.UTF_8);
        assertFalse(server.isAlive());
        assertTrue(printed.contains("---- someTest() failed; what it ran printed:\n$ "), printed);
        assertTrue(printed.contains("echo-server listening on 127.0.0.1:" + server.port()), printed);
    }

    /** The context of a failed test of a PER_METHOD class: its display name, its exception and its lifecycle. */
    private static ExtensionContext failedTest(String displayName) {
        return (ExtensionContext) Proxy.newProxyInstance(ExtensionContext.class.getClassLoader(),
                new Class<?>[] {ExtensionContext.class}, (proxy, method, arguments) -> switch (method.getName()) {
                    case "getExecutionException" -> Optional.of(new AssertionError("failed"));
                    case "getDisplayName" -> displayName;
                    case "getTestInstanceLifecycle" -> Optional.of(org.junit.jupiter.api.TestInstance.Lifecycle.PER_METHOD);
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
