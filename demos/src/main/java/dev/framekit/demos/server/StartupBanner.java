package dev.framekit.demos.server;

import dev.framekit.demos.console.Console;
import dev.framekit.demos.options.ClientOptions;
import java.util.List;

/**
 * What a server prints once it listens: the ready line and, when bound to every interface, the
 * machine's LAN addresses, a ready-to-paste client command for a second machine and, on line
 * framings, the netcat command.
 */
final class StartupBanner {
    private StartupBanner() {}

    /** Prints the banner of {@code settings}, listening on {@code port}. */
    static void print(Console console, FramedServer.Settings settings, int port, boolean everyInterface) {
        console.line(settings.command() + " listening on " + settings.host() + ":" + port + " (framing: "
                + settings.framer() + ")");
        if (everyInterface) {
            printLanHints(console, settings, port);
        }
    }

    /**
     * The command a second machine pastes: the {@linkplain JarCommand#launcher launcher}, then
     * {@code template} with its host, and its port: a {@code --port PORT} option only unless the
     * port is the client's default, a port anywhere else (a URL's) always.
     */
    static String clientCommand(String template, String host, int port) {
        return (JarCommand.launcher() + " " + template.replace("HOST", host)
                .replace(" --port PORT", port == ClientOptions.DEFAULT_PORT ? "" : " --port " + port)
                .replace("PORT", Integer.toString(port))).strip();
    }

    private static void printLanHints(Console console, FramedServer.Settings settings, int port) {
        List<LanAddresses.Entry> addresses = LanAddresses.find();
        StringBuilder list = new StringBuilder();
        for (LanAddresses.Entry entry : addresses) {
            list.append(list.isEmpty() ? "" : ", ").append(entry.address()).append(" (").append(entry.interfaceName()).append(')');
        }
        console.line("  this machine: " + LanAddresses.hostName() + "; LAN addresses: "
                + (addresses.isEmpty() ? "none found (only this machine can connect)" : list));
        String example = addresses.isEmpty() ? "localhost" : addresses.get(0).address();
        if (settings.clientCommand() != null) {
            console.line("  from another machine: " + clientCommand(settings.clientCommand(), example, port));
        }
        if (settings.lineFraming()) {
            console.line("  or with netcat:       nc " + example + " " + port);
        }
    }
}
