package dev.framekit.demos.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.framekit.demos.options.Durations;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code chat-server --help} states the defaults the room really runs with. */
class ChatServerHelpTest {
    private final ChatServerCommand command = new ChatServerCommand();
    private final CommandLine commandLine = new CommandLine(command);

    /** The "(default: X)" the help text gives for {@code option}. */
    private String helpDefault(String option) {
        String help = commandLine.getUsageMessage(CommandLine.Help.Ansi.OFF);
        for (String block : help.split("(?m)^(?=\\s+(-\\w, )?--)")) {
            if (block.strip().startsWith(option + "=")) {
                Matcher matcher = Pattern.compile("\\(default: ([^)]+)\\)").matcher(block.replaceAll("\\s+", " "));
                assertTrue(matcher.find(), block);
                return matcher.group(1);
            }
        }
        throw new AssertionError(option + " not in the help:\n" + help);
    }

    @Test
    void theTimeoutDefaultsInTheHelpAreTheOnesTheRoomRunsWith() {
        commandLine.parseArgs();
        assertEquals(command.server.idleTimeout(), new Durations().convert(helpDefault("--idle-timeout")));
        assertEquals(Duration.ZERO, command.server.idleTimeout(), "a chat member may be quiet for ever");
        assertEquals(command.server.frameTimeout(), new Durations().convert(helpDefault("--frame-timeout")));
        assertEquals(Duration.ofMinutes(5), command.server.frameTimeout(), "people type slowly");
    }

    @Test
    void theRoomDefaultsInTheHelpAreTheOnesTheRoomRunsWith() {
        commandLine.parseArgs();
        assertEquals(Integer.toString(command.floodLimit), helpDefault("--flood-limit"));
        assertEquals(command.maxQueue, dev.framekit.demos.options.ByteSizes.parse(helpDefault("--max-queue")));
        assertEquals(command.floodBytes, dev.framekit.demos.options.ByteSizes.parse(helpDefault("--flood-bytes")));
        assertEquals(1 << 20, command.floodBytes, "more than anyone types or pastes in a second");
        assertEquals(Integer.toString(command.history), helpDefault("--history"));
        assertEquals(20, command.history);
    }
}
