package dev.framekit.demos.chat.client;

import dev.framekit.demos.discovery.DiscoverCommand;
import dev.framekit.demos.discovery.DiscoveryOptions;
import dev.framekit.demos.discovery.Listener;
import dev.framekit.demos.options.Durations;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;

/**
 * How {@code chat-client} with no {@code --host} and no {@code --framing} picks its server: it
 * listens for announcements; one server heard is joined; several are listed and, in a terminal,
 * the person picks one by its number (without a terminal, the list and exit status 1: pass
 * {@code --host}); none is one line and exit status 1.
 */
public final class ServerChoice {
    private ServerChoice() {}

    /**
     * The server to join, or null after saying why there is none.
     *
     * @param command the command's name, in front of each line
     * @param port only servers on this chat port, or 0 for any
     * @param ask reads the person's choice; null without a terminal
     * @param out where the list and the choice go (the terminal, or standard error)
     */
    public static Listener.Server choose(String command, DiscoveryOptions discovery, Duration wait, int port,
            ChatSession.LineSource ask, PrintStream out) throws IOException {
        Listener.Heard heard = Listener.listen(discovery, wait);
        DiscoverCommand.reportIgnored(command, heard, out);
        List<Listener.Server> servers = heard.servers().stream()
                .filter(server -> port == 0 || server.announcement().port() == port).toList();
        if (servers.isEmpty()) {
            out.println(command + ": no chat server heard on the LAN within " + Durations.format(wait)
                    + "; pass --host HOST (and its --framing) to reach one");
            return null;
        }
        if (servers.size() == 1) {
            out.println(command + ": joining " + DiscoverCommand.describe(servers.get(0)));
            return servers.get(0);
        }
        out.println(command + ": " + servers.size() + " chat servers heard:");
        for (int i = 0; i < servers.size(); i++) {
            out.println("  " + (i + 1) + ") " + DiscoverCommand.describe(servers.get(i)));
        }
        if (ask == null) {
            out.println(command + ": choose one with --host ADDRESS --port PORT (with its --framing)");
            return null;
        }
        out.println("Join which one (1-" + servers.size() + ")?");
        String answer = ask.readLine();
        int index = answer == null ? -1 : parse(answer.strip()) - 1;
        if (index < 0 || index >= servers.size()) {
            out.println(command + ": '" + (answer == null ? "" : answer.strip()) + "' is not 1 to " + servers.size()
                    + "; not joining");
            return null;
        }
        out.println(command + ": joining " + servers.get(index).where());
        return servers.get(index);
    }

    private static int parse(String answer) {
        return answer.matches("[0-9]{1,3}") ? Integer.parseInt(answer) : -1;
    }
}
