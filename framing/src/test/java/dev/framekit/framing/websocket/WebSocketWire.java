package dev.framekit.framing.websocket;

import dev.framekit.framing.support.FixtureBytes;
import java.io.ByteArrayOutputStream;

/**
 * WebSocket frames written out by hand from RFC 6455 section 5.2, independently of the library,
 * so the tests can build well-formed and hostile streams without trusting the encoder. Public for
 * the tests of {@code dev.framekit.framing.websocket}.
 */
public final class WebSocketWire {
    /** The key the tests mask client frames with: RFC 6455's own example key. */
    public static final int KEY = 0x37fa213d;

    private WebSocketWire() {}

    /** A final frame from a client (masked with {@link #KEY}). */
    public static byte[] fromClient(int opcode, byte[] payload) {
        return frame(true, opcode, payload, true);
    }

    /** A final frame from a server (unmasked). */
    public static byte[] fromServer(int opcode, byte[] payload) {
        return frame(true, opcode, payload, false);
    }

    /** A frame with the shortest length field; masked with {@link #KEY} if {@code masked}. */
    public static byte[] frame(boolean fin, int opcode, byte[] payload, boolean masked) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write((fin ? 0x80 : 0) | opcode);
        int maskBit = masked ? 0x80 : 0;
        int n = payload.length;
        if (n < 126) {
            out.write(maskBit | n);
        } else if (n <= 0xffff) {
            out.write(maskBit | 126);
            out.write(n >>> 8);
            out.write(n);
        } else {
            out.write(maskBit | 127);
            for (int shift = 56; shift >= 0; shift -= 8) {
                out.write((int) ((long) n >>> shift));
            }
        }
        if (masked) {
            for (int shift = 24; shift >= 0; shift -= 8) {
                out.write(KEY >>> shift);
            }
        }
        for (int i = 0; i < n; i++) {
            out.write(masked ? payload[i] ^ (KEY >>> (8 * (3 - (i % 4)))) : payload[i]);
        }
        return out.toByteArray();
    }

    /** A close frame's payload: the code, then the reason in UTF-8. */
    public static byte[] closePayload(int code, String reason) {
        return FixtureBytes.concat(FixtureBytes.bytes(code >>> 8, code & 0xff), FixtureBytes.utf8(reason));
    }
}
