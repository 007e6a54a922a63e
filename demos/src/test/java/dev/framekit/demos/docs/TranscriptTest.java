package dev.framekit.demos.docs;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

/** How a doc's shown output is compared with a program's: exact but for what varies by run and machine. */
class TranscriptTest {
    @Test
    void aLogLineMatchesWhateverItsTimeAndPeerPort() {
        List<String> shown = List.of("11:03:15.798 127.0.0.1:53512 0 messages in (0 bytes); closed: answered 431");
        assertNull(Transcript.mismatch(shown, List.of("06:41:02.004 127.0.0.1:40022 0 messages in (0 bytes); closed: answered 431")));
        assertNotNull(Transcript.mismatch(shown, List.of("06:41:02.004 127.0.0.1:40022 0 messages in (0 bytes); closed: answered 400")));
        assertNotNull(Transcript.mismatch(shown, List.of("06:41:02 127.0.0.1:40022 0 messages in (0 bytes); closed: answered 431")));
    }

    @Test
    void theDateTheMachineAndTheLanAddressVary() {
        assertNull(Transcript.mismatch(List.of("Date: Tue, 01 Dec 2026 11:03:15 GMT", "  this machine: vm; LAN addresses: 192.0.2.2 (eth0)",
                "  from another machine: demos/framekit http-get http://192.0.2.2:8080/"),
                List.of("Date: Mon, 07 Dec 2026 06:00:00 GMT", "  this machine: ci; LAN addresses: 10.0.0.5 (ens3), fd00::5 (ens3)",
                        "  from another machine: demos/framekit http-get http://10.0.0.5:8080/")));
        assertNotNull(Transcript.mismatch(List.of("  from another machine: demos/framekit http-get http://192.0.2.2:8080/"),
                List.of("  from another machine: demos/framekit chat-client http://10.0.0.5:8080/")));
    }

    @Test
    void theAddressAndNameOfAServerHeardOnTheLanVary() {
        assertNull(Transcript.mismatch(List.of("192.168.1.20:7342  studio  framing: delimiter(\"\\n\", max 1048576 bytes)"),
                List.of("127.0.0.1:7342  vm  framing: delimiter(\"\\n\", max 1048576 bytes)")));
        assertNull(Transcript.mismatch(List.of("chat-client: joining 192.168.1.20:7342  studio  framing: x"),
                List.of("chat-client: joining 10.0.0.7:7342  box  framing: x")));
        assertNotNull(Transcript.mismatch(List.of("chat-client: joining 192.168.1.20:7342  studio  framing: x"),
                List.of("chat-client: joining 10.0.0.7:7342  box  framing: y")));
    }

    @Test
    void aCertificatesFingerprintVaries() {
        String one = "E9:0B:02:9B:1B:5E:A4:B7:89:08:E3:31:C9:2B:54:CA:D9:BE:A7:84:62:19:76:10:82:3C:FD:46:62:7E:42:99";
        String two = "00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF:00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF";
        assertNull(Transcript.mismatch(List.of("  its SHA-256 fingerprint: " + one), List.of("  its SHA-256 fingerprint: " + two)));
        assertNull(Transcript.mismatch(List.of("x  TLS fingerprint " + one), List.of("x  TLS fingerprint " + two)));
        assertNotNull(Transcript.mismatch(List.of("x  TLS fingerprint " + one), List.of("x  TLS fingerprint 00:11")),
                "a fingerprint is 32 bytes");
    }

    @Test
    void threeDotsElideLinesOrTheRestOfALine() {
        List<String> shown = List.of("HTTP/1.1 200 OK", "...", "<html lang=\"en\">", "sent 5 bytes on the wire: ...");
        assertNull(Transcript.mismatch(shown, List.of("HTTP/1.1 200 OK", "Server: framekit", "", "<html lang=\"en\">",
                "sent 5 bytes on the wire: [0-4] payload")));
        assertNull(Transcript.mismatch(shown, List.of("HTTP/1.1 200 OK", "<html lang=\"en\">", "sent 5 bytes on the wire: x")));
        assertNotNull(Transcript.mismatch(shown, List.of("HTTP/1.1 200 OK", "<html lang=\"en\">", "sent 5 bytes on the wire: x", "more")),
                "a whole output may not run on past what is shown");
        assertNotNull(Transcript.mismatch(List.of("a", "b"), List.of("a")));
    }

    @Test
    void anExcerptIsFoundAnywhereButTogetherAndInOrder() {
        List<String> log = List.of("one", "two", "three", "four");
        assertNull(Transcript.excerptMismatch(List.of("two", "three"), log));
        assertNotNull(Transcript.excerptMismatch(List.of("three", "two"), log));
        assertNotNull(Transcript.excerptMismatch(List.of("one", "three"), log));
    }
}
