package dev.framekit.demos.chat.web;

import dev.framekit.demos.console.Console;
import dev.framekit.demos.server.LanAddresses;
import dev.framekit.demos.tls.Fingerprint;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * What {@code chat-server --web-port} adds to the start-up banner: the page's URL at the most
 * likely LAN address (or the listening host) with its QR code unless {@code --no-qr}, and the
 * URLs at the machine's other addresses on one line.
 */
public final class WebBanner {
    private WebBanner() {}

    /**
     * Prints the URLs.
     *
     * @param console where to print
     * @param host the host the web port is bound to; on every interface ({@code 0.0.0.0}), LAN addresses are listed
     * @param port the bound web port
     * @param qr whether to draw the QR code
     */
    public static void print(Console console, String host, int port, boolean qr) {
        print(console, host, port, qr, null);
    }

    /**
     * Prints the URLs of a page served over TLS when {@code fingerprint} is not null: {@code https}
     * URLs ending {@code #sha256=FINGERPRINT}, so a person can compare what the browser shows
     * with what the QR code carried.
     */
    public static void print(Console console, String host, int port, boolean qr, Fingerprint fingerprint) {
        print(console, isAnyLocal(host) ? LanAddresses.find().stream().map(LanAddresses.Entry::address).toList()
                : List.of(host), port, qr, fingerprint);
    }

    private static boolean isAnyLocal(String host) {
        try {
            return InetAddress.getByName(host).isAnyLocalAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** Prints the URLs at {@code hosts}, the most likely first: one QR code, for the first. */
    static void print(Console console, List<String> hosts, int port, boolean qr) {
        print(console, hosts, port, qr, null);
    }

    private static void print(Console console, List<String> hosts, int port, boolean qr, Fingerprint fingerprint) {
        if (hosts.isEmpty()) {
            hosts = List.of("localhost");
        }
        String scheme = fingerprint == null ? "http://" : "https://";
        String end = fingerprint == null ? "/" : "/#sha256=" + fingerprint;
        List<String> urls = hosts.stream().map(address -> scheme + (address.contains(":") ? "[" + address + "]" : address)
                + ":" + port + end).toList();
        console.line("  from a phone's browser: " + urls.get(0));
        if (qr) {
            for (String line : QrCode.draw(urls.get(0))) {
                console.line("    " + line);
            }
        }
        if (urls.size() > 1) {
            console.line("  or at this machine's other addresses: " + String.join(", ", urls.subList(1, urls.size())));
        }
    }
}
