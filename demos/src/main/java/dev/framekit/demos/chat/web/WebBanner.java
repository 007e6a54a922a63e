package dev.framekit.demos.chat.web;

import dev.framekit.demos.console.Console;
import dev.framekit.demos.server.LanAddresses;
import java.util.List;

/**
 * What {@code chat-server --web-port} adds to the start-up banner: the page's URL for every LAN
 * address (or the listening host), each with its QR code unless {@code --no-qr}.
 */
public final class WebBanner {
    private WebBanner() {}

    /**
     * Prints the URLs.
     *
     * @param console where to print
     * @param host the host the web port is bound to
     * @param port the bound web port
     * @param everyInterface whether it is bound to every interface (then LAN addresses are listed)
     * @param qr whether to draw the QR codes
     */
    public static void print(Console console, String host, int port, boolean everyInterface, boolean qr) {
        List<String> hosts = everyInterface
                ? LanAddresses.find().stream().map(LanAddresses.Entry::address).toList()
                : List.of(host);
        if (hosts.isEmpty()) {
            hosts = List.of("localhost");
        }
        for (String address : hosts) {
            String url = "http://" + (address.contains(":") ? "[" + address + "]" : address) + ":" + port + "/";
            console.line("  from a phone's browser: " + url);
            if (qr) {
                for (String line : QrCode.draw(url)) {
                    console.line("    " + line);
                }
            }
        }
    }
}
