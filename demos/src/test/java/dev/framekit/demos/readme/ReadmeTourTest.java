package dev.framekit.demos.readme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.framekit.demos.readme.ReadmeTour.Line;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README's tour, read as written (fast, no process started): that it can be pasted top to
 * bottom into one terminal. {@link ReadmeTourIT} runs it.
 */
class ReadmeTourTest {
    private static final String DEFAULT_PORT = "7342";
    private static final Map<String, String> SERVER_OF = Map.of("echo-client", "echo-server", "load", "echo-server",
            "reverse-client", "reverse-server", "chat-client", "chat-server");

    /** A server running in the background, as job %N. */
    private record Job(int number, String command, String framing, List<String> ports) {
    }

    @Test
    void everyServerRunsInTheBackgroundOnAPortNoOtherRunningServerHas() throws IOException {
        List<Job> running = new ArrayList<>();
        for (Line line : ReadmeTour.lines()) {
            if (line.isServer()) {
                assertTrue(line.background(), "a server in the foreground stops the tour: " + line.command());
                Job job = job(line, running.size() + 1);
                for (Job other : running) {
                    for (String port : job.ports()) {
                        assertFalse(other.ports().contains(port), line.command() + ": port " + port + " is taken by " + other.command());
                    }
                }
                running.add(job);
            } else if (line.command().startsWith("kill ")) {
                List<String> killed = List.of(line.command().substring("kill ".length()).trim().split("\\s+"));
                assertEquals(running.stream().map(j -> "%" + j.number()).toList(), killed, "the kill line stops every server");
                running.clear();
            }
        }
        assertTrue(running.isEmpty(), "servers left running at the end of the tour: " + running);
    }

    @Test
    void everyClientTalksToARunningServerThatSpeaksItsFraming() throws IOException {
        Map<String, Job> byPort = new LinkedHashMap<>();
        int clients = 0;
        for (Line line : ReadmeTour.lines()) {
            String command = line.framekitCommand().orElse(line.command().split("\\s+")[0]);
            if (line.isServer()) {
                Job job = job(line, byPort.size() + 1);
                job.ports().forEach(port -> byPort.put(port, job));
            } else if (line.command().startsWith("kill ")) {
                byPort.clear();
            } else if (SERVER_OF.containsKey(command)) {
                Job server = byPort.get(line.option("--port").orElse(DEFAULT_PORT));
                assertNotNull(server, line.command() + ": no server runs on its port");
                assertEquals(SERVER_OF.get(command), server.command(), line.command());
                assertEquals(server.framing(), line.option("--framing").orElse("length"), line.command() + ": framing");
                clients++;
            } else if (command.equals("nc") || command.equals("curl")) {
                Matcher port = Pattern.compile("localhost[: ](\\d+)").matcher(line.command());
                assertTrue(port.find(), line.command());
                Job server = byPort.get(port.group(1));
                assertNotNull(server, line.command() + ": no server runs on its port");
                assertEquals(command.equals("nc") ? "delimiter" : "http", command.equals("nc") ? server.framing()
                        : server.command().replace("-server", ""), line.command());
                clients++;
            }
        }
        assertTrue(clients >= 5, "the tour's clients: " + clients);
    }

    @Test
    void placeholdersAreMarkedAndExplained() throws IOException {
        String introduction = ReadmeTour.introduction();
        for (Line line : ReadmeTour.lines()) {
            assertFalse(Pattern.compile("\\b\\d{1,3}(\\.\\d{1,3}){3}\\b").matcher(line.command()).find(),
                    "an address as if it were everyone's: mark it as a placeholder: " + line.command());
            Matcher placeholder = Pattern.compile("<[A-Z][A-Z-]*>").matcher(line.command());
            while (placeholder.find()) {
                assertTrue(introduction.contains("`" + placeholder.group() + "`"), placeholder.group() + " is not explained");
            }
        }
    }

    @Test
    void theSlowLinesSayTheyAreSlowAndHowLong() throws IOException {
        int slow = 0;
        for (Line line : ReadmeTour.lines()) {
            if (line.isSlow()) {
                assertTrue(line.comment().matches("slow, about \\d+ (s|minutes)\\b.*"), line.command() + "  # " + line.comment());
                slow++;
            }
        }
        assertEquals(2, slow, "a full compare and bench");
    }

    private static Job job(Line line, int number) {
        String command = line.framekitCommand().orElseThrow();
        List<String> ports = new ArrayList<>();
        ports.add(line.option("--port").orElse(DEFAULT_PORT));
        line.option("--web-port").ifPresent(ports::add);
        Optional<String> framing = line.option("--framing");
        return new Job(number, command, command.equals("http-server") ? "http" : framing.orElse("length"), ports);
    }
}
