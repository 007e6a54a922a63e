package dev.framekit.framing.support;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.zip.CRC32;

/**
 * The soak's messages: a sequence number, a CRC-32 of the body, and a body of random size and
 * content. On binary-safe framers the body is random bytes; on the others it is letters and
 * digits, so it never holds a delimiter or ends with a pad byte.
 *
 * <pre>
 * binary: | seq (8 bytes) | crc32 (4 bytes) | body ... |
 * text:   "%016x %08x " body
 * </pre>
 */
public final class SoakMessages {
    private static final byte[] ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789".getBytes(StandardCharsets.US_ASCII);
    private static final int TEXT_HEADER = 16 + 1 + 8 + 1;
    private static final int BINARY_HEADER = 8 + 4;

    private final boolean binary;
    private final int maxBody;

    /**
     * @param binary whether the framer carries any bytes
     * @param maxPayload the framer's largest payload (the frame size, or a cap for the others)
     */
    public SoakMessages(boolean binary, int maxPayload) {
        this.binary = binary;
        this.maxBody = maxPayload - (binary ? BINARY_HEADER : TEXT_HEADER);
    }

    /** A random body size: mostly small, sometimes up to a few KiB, now and then the largest. */
    public int randomBodySize(Random random) {
        int roll = random.nextInt(100);
        int size = roll < 70 ? random.nextInt(100) : roll < 97 ? random.nextInt(4096) : random.nextInt(maxBody + 1);
        return Math.min(size, maxBody);
    }

    /** Message number {@code seq} with a random body. */
    public byte[] make(long seq, Random random) {
        byte[] body = new byte[randomBodySize(random)];
        if (binary) {
            random.nextBytes(body);
        } else {
            for (int i = 0; i < body.length; i++) {
                body[i] = ALPHABET[random.nextInt(ALPHABET.length)];
            }
        }
        long crc = crc(body, 0, body.length);
        if (binary) {
            return ByteBuffer.allocate(BINARY_HEADER + body.length).putLong(seq).putInt((int) crc).put(body).array();
        }
        byte[] header = String.format("%016x %08x ", seq, crc).getBytes(StandardCharsets.US_ASCII);
        return ByteBuffer.allocate(header.length + body.length).put(header).put(body).array();
    }

    /**
     * The sequence number of an intact message, or -1 if it is corrupted (too short, a header
     * that does not parse, or a body that does not match its checksum).
     */
    public long check(byte[] message) {
        try {
            long seq;
            long crc;
            int header;
            if (binary) {
                if (message.length < BINARY_HEADER) {
                    return -1;
                }
                ByteBuffer in = ByteBuffer.wrap(message);
                seq = in.getLong();
                crc = in.getInt() & 0xffffffffL;
                header = BINARY_HEADER;
            } else {
                if (message.length < TEXT_HEADER || message[16] != ' ' || message[25] != ' ') {
                    return -1;
                }
                seq = Long.parseUnsignedLong(new String(message, 0, 16, StandardCharsets.US_ASCII), 16);
                crc = Long.parseLong(new String(message, 17, 8, StandardCharsets.US_ASCII), 16);
                header = TEXT_HEADER;
            }
            return crc(message, header, message.length - header) == crc && seq >= 0 ? seq : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static long crc(byte[] bytes, int offset, int length) {
        CRC32 crc = new CRC32();
        crc.update(bytes, offset, length);
        return crc.getValue();
    }
}
