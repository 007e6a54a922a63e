package dev.framekit.demos.echo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.framekit.demos.support.Framekit;
import dev.framekit.demos.support.FramekitProcess;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Framings whose header says more than the length, on the real jar: {@code --framing length
 * --length-offset N}, {@code mqtt}, {@code grpc}, {@code zmtp}, and the control-line framings
 * {@code resp}, {@code nats} and {@code syslog}. An echo-server in a
 * {@code -Xmx64m} heap returns every frame a raw socket sends with its header bytes unchanged;
 * echo-client speaks each framing; and hostile headers (a fifth MQTT length byte, a gRPC flag of
 * 2, a ZMTP size of 2^63, a u64 length at an offset, an adjustment that makes the payload
 * negative, a count of 30 digits, a control line without its count) each close their connection with one clear line while another connection carries on.
 */
@Timeout(90)
class HeaderFieldFramingIT {
    @RegisterExtension
    final Framekit framekit = new Framekit();

    private static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex.replace(" ", ""));
    }

    private FramekitProcess smallHeapEchoServer(String... framing) {
        List<String> args = new ArrayList<>(List.of("echo-server", "--host", "127.0.0.1", "--port", "0"));
        args.addAll(List.of(framing));
        return framekit.startWithJvmOptions(List.of("-Xmx64m"), args.toArray(String[]::new)).awaitReady();
    }

    /** Frames of each framing whose header bytes vary; the echo must return them byte for byte. */
    static Stream<Arguments> framingsAndFrames() {
        byte[] long128 = new byte[128];
        java.util.Arrays.fill(long128, (byte) 'p');
        return Stream.of(
                Arguments.of(List.of("--framing", "length", "--length-offset", "2", "--length-field", "u16"),
                        concat(hex("0709 0002 6869"), hex("ff00 0000"), hex("0102 0001 7a"))),
                Arguments.of(List.of("--framing", "length", "--length-offset", "1", "--length-adjust", "-3",
                        "--length-field", "u16"), hex("05 0005 6869 07 0003")),
                Arguments.of(List.of("--framing", "mqtt"), concat(hex("10 0c 00044d5154540502003c0000"),
                        hex("82 06 0001 0001 7800"), hex("30 8001"), long128, hex("c0 00"), hex("3b 02 6869"))),
                Arguments.of(List.of("--framing", "grpc"), hex("00 00000002 6869 01 00000001 7a 00 00000000")),
                Arguments.of(List.of("--framing", "zmtp"), concat(hex("01 01 61"), hex("03 0000000000000002 6263"),
                        hex("04 06 05524541 4459"), hex("00 00"))),
                Arguments.of(List.of("--framing", "resp"),
                        ascii("+OK\r\n$5\r\nhe\r\no\r\n*2\r\n$-1\r\n:7\r\n$0\r\n\r\n=9\r\ntxt:hello\r\n")),
                Arguments.of(List.of("--framing", "nats"),
                        ascii("PING\r\nMSG a.b 1 inbox 2\r\nhi\r\nHMSG a 1 12 14\r\nNATS/1.0\r\n\r\nhi\r\n+OK\r\n")),
                Arguments.of(List.of("--framing", "syslog"), ascii("5 hello3 a\nb")),
                Arguments.of(List.of("--framing", "stomp"), ascii("CONNECTED\nversion:1.2\n\n\0MESSAGE\r\n"
                        + "content-length:3\r\n\r\na\0b\0SEND\ndestination:/q\n\nhi\0")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("framingsAndFrames")
    void echoServerReturnsEveryFrameWithItsHeaderBytes(List<String> framing, byte[] frames) throws IOException {
        FramekitProcess server = smallHeapEchoServer(framing.toArray(String[]::new));
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(10_000);
            for (byte b : frames) { // one byte per write: the server reads them however they come
                socket.getOutputStream().write(b);
            }
            socket.getOutputStream().flush();
            assertArrayEquals(frames, socket.getInputStream().readNBytes(frames.length), server.transcript());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("framingsAndFrames")
    void echoClientSpeaksTheFramingWithItsDefaultHeader(List<String> framing, byte[] ignored) {
        FramekitProcess server = smallHeapEchoServer(framing.toArray(String[]::new));
        List<String> args = new ArrayList<>(List.of("echo-client", "--host", "127.0.0.1", "--port",
                Integer.toString(server.port()), "--timeout", "5s"));
        args.addAll(framing);
        args.addAll(List.of("hello", "x".repeat(300)));
        Framekit.Result result = framekit.run(args.toArray(String[]::new));

        assertEquals(0, result.exitCode(), result.transcript());
        assertEquals(List.of("hello", "x".repeat(300)), result.stdout(), result.transcript());
    }

    record Hostile(String name, List<String> framing, byte[] bytes, String expectedLog) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Hostile> hostileHeaders() {
        return Stream.of(
                new Hostile("a fifth MQTT remaining-length byte", List.of("--framing", "mqtt"), hex("30 ffffffff01"),
                        "mqtt: the Variable Byte Integer (MQTT remaining length) is longer than 4 bytes"),
                new Hostile("a non-minimal MQTT remaining length", List.of("--framing", "mqtt"), hex("30 8500"),
                        "is not minimal"),
                new Hostile("an MQTT packet of type 0", List.of("--framing", "mqtt"), hex("00 00"),
                        "control packet type 0 is reserved"),
                new Hostile("a gRPC Compressed-Flag of 2", List.of("--framing", "grpc"), hex("02 00000000"),
                        "the Compressed-Flag must be 0 or 1, got 2"),
                new Hostile("a ZMTP size of 2^63", List.of("--framing", "zmtp"), hex("02 8000000000000000"),
                        "frame size 9223372036854775808 (over 2^63) exceeds the maximum of 1048576 bytes"),
                new Hostile("a u64 length of 2^64-1 at an offset, adjusted up",
                        List.of("--framing", "length", "--length-offset", "3", "--length-field", "u64",
                                "--length-adjust", "1000"),
                        hex("010203 ffffffffffffffff"), "exceeds the maximum of 1048576 bytes"),
                new Hostile("a RESP count of 30 digits", List.of("--framing", "resp"), ascii("$" + "9".repeat(30) + "\r\n"),
                        "resp: the byte count has 30 digits, more than 18"),
                new Hostile("a NATS MSG without its count", List.of("--framing", "nats"), ascii("MSG subject 1\r\n"),
                        "nats: MSG without its byte count (2 arguments, at least 3)"),
                new Hostile("a syslog count with a letter", List.of("--framing", "syslog"), ascii("12x hello"),
                        "syslog: byte 3 of the octet count is 0x78 'x', not a digit"),
                new Hostile("a STOMP content-length of 30 digits", List.of("--framing", "stomp"),
                        ascii("SEND\ncontent-length:" + "9".repeat(30) + "\n\n"), "is not a decimal number of at most 18 digits"),
                new Hostile("an adjustment that makes the payload length negative",
                        List.of("--framing", "length", "--length-offset", "2", "--length-field", "u16",
                                "--length-adjust", "-4"),
                        hex("0102 0003 78"), "the length field declares 3, less than the 4 it must count"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileHeaders")
    void aHostileHeaderClosesItsConnectionWithOneClearLineAndAnotherCarriesOn(Hostile hostile) throws IOException {
        FramekitProcess server = smallHeapEchoServer(hostile.framing().toArray(String[]::new));
        try (Socket good = new Socket("127.0.0.1", server.port()); Socket bad = new Socket("127.0.0.1", server.port())) {
            good.setSoTimeout(10_000);
            byte[] goodFrame = goodFrame(hostile.framing());
            good.getOutputStream().write(goodFrame);
            assertArrayEquals(goodFrame, good.getInputStream().readNBytes(goodFrame.length), server.transcript());

            bad.getOutputStream().write(hostile.bytes());
            bad.getOutputStream().flush();
            assertClosedByServer(bad);
            String closing = server.awaitLine(Pattern.quote("127.0.0.1:" + bad.getLocalPort() + " ") + ".*messages? in.*");
            assertTrue(closing.contains(hostile.expectedLog()), closing);
            assertFalse(server.transcript().lines().anyMatch(line -> line.startsWith("\tat ")), server.transcript());

            good.getOutputStream().write(goodFrame);
            assertArrayEquals(goodFrame, good.getInputStream().readNBytes(goodFrame.length), server.transcript());
            assertTrue(server.isAlive());
        }
    }

    private static byte[] goodFrame(List<String> framing) {
        String name = framing.get(1);
        return switch (name) {
            case "mqtt" -> hex("31 02 6869");
            case "grpc" -> hex("01 00000002 6869");
            case "zmtp" -> hex("01 02 6869");
            case "resp" -> ascii("$2\r\nhi\r\n");
            case "nats" -> ascii("MSG a 1 2\r\nhi\r\n");
            case "syslog" -> ascii("2 hi");
            case "stomp" -> ascii("SEND\ncontent-length:2\n\nhi\0");
            default -> framing.contains("u64") ? concat(hex("aabbcc 0000000000000000"), new byte[1000]) // 0 + 1000
                    : hex("aabb 0006 6869"); // 6 - 4 = 2
        };
    }

    private static void assertClosedByServer(Socket socket) throws IOException {
        socket.setSoTimeout(10_000);
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        try {
            in.transferTo(sink);
        } catch (SocketException reset) {
            // A reset is a close too: the server resets a peer that broke the framing.
        }
        assertEquals(0, sink.size(), "an echo server never answers a bad frame");
    }

    private static byte[] ascii(String text) {
        return text.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    @Test
    void theReadyLineNamesThePresetAndTheHeaderFields() {
        FramekitProcess mqtt = smallHeapEchoServer("--framing", "mqtt");
        FramekitProcess offset = smallHeapEchoServer("--framing", "length", "--length-offset", "2", "--length-field", "u16");

        assertTrue(mqtt.transcript().contains("(framing: mqtt(1 header byte, vbi, max 1048576 bytes))"), mqtt.transcript());
        assertTrue(offset.transcript().contains("(framing: length-prefix(offset 2 (default header 0000), u16, max 65535"
                + " bytes))"), offset.transcript());
    }
}
