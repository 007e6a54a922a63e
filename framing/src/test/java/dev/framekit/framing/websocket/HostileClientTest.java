package dev.framekit.framing.websocket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.framekit.framing.FramedConnection;
import dev.framekit.framing.Framers;
import dev.framekit.framing.Frame;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Bad input against framekit's WebSocket server, over a real loopback socket: each refused in the
 * handshake with its HTTP status, or closed with the right status code in a close frame, and the
 * server serves the next client as before.
 */
class HostileClientTest {
    private static final int TEXT = 0x1;
    private static final int BINARY = 0x2;
    private static final int PING = 0x9;

    /** Frames up to 16 KiB, messages up to 64 KiB, so that a never-ending message hits the limit soon. */
    private static final WebSocketFramer SERVER = WebSocketFramer.server().withMaxFrameLength(16 * 1024)
            .withMaxMessageLength(64 * 1024);

    private static WebSocketEchoServer server;

    @BeforeAll
    static void startServer() throws IOException {
        server = WebSocketEchoServer.start(SERVER);
    }

    @AfterAll
    static void stopServer() throws IOException {
        server.close();
    }

    @Test
    void closesAnUnmaskedClientFrameWith1002() throws Exception {
        assertClosedWith(WebSocketWire.fromServer(TEXT, ascii("hi")), 1002, "unmasked frame from the client");
    }

    @Test
    void closesALengthOf2To63With1002() throws Exception {
        byte[] header = bytes(0x82, 0xff, 0x80, 0, 0, 0, 0, 0, 0, 0, 0x37, 0xfa, 0x21, 0x3d);
        assertClosedWith(header, 1002, "most significant bit");
    }

    @Test
    void closesALengthOf2To63MinusOneWith1009() throws Exception {
        byte[] header = bytes(0x82, 0xff, 0x7f, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x37, 0xfa, 0x21, 0x3d);
        assertClosedWith(header, 1009, "frame length 9223372036854775807 exceeds the maximum of 16384");
    }

    @Test
    void closesA126BytePingWith1002() throws Exception {
        assertClosedWith(WebSocketWire.fromClient(PING, new byte[126]), 1002, "PING frame of 126 payload bytes");
    }

    @Test
    void closesInvalidUtf8InATextFrameWith1007() throws Exception {
        assertClosedWith(WebSocketWire.fromClient(TEXT, bytes('o', 'k', 0xc3, 0x28)), 1007, "not UTF-8");
    }

    @Test
    void closesAFragmentedControlFrameWith1002() throws Exception {
        assertClosedWith(WebSocketWire.frame(false, PING, ascii("x"), true), 1002, "fragmented PING");
    }

    @Test
    void closesANeverEndingFragmentedMessageWith1009() throws Exception {
        ByteArrayOutputStream fragments = new ByteArrayOutputStream();
        fragments.write(WebSocketWire.frame(false, BINARY, new byte[4096], true));
        for (int i = 0; i < 20; i++) {
            fragments.write(WebSocketWire.frame(false, 0x0, new byte[4096], true)); // never FIN
        }
        assertClosedWith(fragments.toByteArray(), 1009, "exceeds the maximum message length of 65536");
    }

    @Test
    void refusesABadVersionWith426() throws Exception {
        assertRefusedInTheHandshake("Sec-WebSocket-Version: 8\r\n", 426, "Sec-WebSocket-Version is \"8\"");
    }

    @Test
    void refusesAForeignOriginWith403() throws Exception {
        assertRefusedInTheHandshake("Origin: http://evil.example\r\n", 403, "http://evil.example is not allowed");
    }

    /** After a hostile client, a good one is served as before. */
    private static void assertServerStillEchoes() throws Exception {
        try (WebSocketConnection ws = WebSocketConnection.connect("127.0.0.1", server.port(), "/chat")) {
            ws.sendText("still here");
            assertEquals("still here", ws.readText());
            ws.close(1000, "");
        }
        assertEquals("closed 1000 ", server.nextOutcome());
    }

    private static void assertClosedWith(byte[] hostile, int closeCode, String logMentions) throws Exception {
        List<Integer> codes = new ArrayList<>();
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port());
                FramedConnection connection = FramedConnection.of(socket, Framers.sendAndClose())) {
            connection.readTimeout(java.time.Duration.ofSeconds(10));
            OutputStream out = socket.getOutputStream();
            out.write(request(""));
            assertEquals(101, ResponseHead.read(connection.reader(), "test server").status());
            out.write(hostile);
            out.flush();
            connection.reader().framer(WebSocketFramer.client());
            Frame frame;
            while ((frame = connection.reader().read()) != null) { // until the server ends the connection
                if (((WebSocketFrame) frame).opcode() == WebSocketOpcode.CLOSE) {
                    codes.add(((WebSocketFrame) frame).closeCode());
                }
                frame.release();
            }
        }
        assertEquals(List.of(closeCode), codes, "one close frame, with the status code");
        String outcome = server.nextOutcome();
        assertTrue(outcome.startsWith("failed " + closeCode + ": ") && outcome.contains(logMentions), outcome);
        assertServerStillEchoes();
    }

    private static void assertRefusedInTheHandshake(String header, int status, String reasonMentions) throws Exception {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port());
                FramedConnection connection = FramedConnection.of(socket, Framers.sendAndClose())) {
            connection.readTimeout(java.time.Duration.ofSeconds(10));
            socket.getOutputStream().write(request(header));
            ResponseHead head = ResponseHead.read(connection.reader(), "test server");
            assertEquals(status, head.status());
            String body = connection.reader().readString();
            assertTrue(body.contains(reasonMentions), body);
        }
        String outcome = server.nextOutcome();
        assertTrue(outcome.startsWith("refused " + status) && outcome.contains(reasonMentions), outcome);
        assertServerStillEchoes();
    }

    /** A valid upgrade request; {@code override} replaces the version line or adds a line. */
    private static byte[] request(String override) {
        String version = override.startsWith("Sec-WebSocket-Version") ? override : "Sec-WebSocket-Version: 13\r\n";
        String extra = override.startsWith("Sec-WebSocket-Version") ? "" : override;
        return ("GET /chat HTTP/1.1\r\nHost: 127.0.0.1:" + server.port() + "\r\nUpgrade: websocket\r\n"
                + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n" + version + extra + "\r\n")
                .getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] bytes(int... values) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) values[i];
        }
        return out;
    }
}
