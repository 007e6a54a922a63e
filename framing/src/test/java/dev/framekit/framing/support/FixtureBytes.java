package dev.framekit.framing.support;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/** Small, literal ways to spell the bytes that the framer tests feed and expect. */
public final class FixtureBytes {
    private FixtureBytes() {}

    public static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    public static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Bytes from int literals, e.g. {@code bytes(0xff, 0x00)}. */
    public static byte[] bytes(int... values) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) values[i];
        }
        return out;
    }

    public static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    public static byte[] repeat(int value, int count) {
        byte[] out = new byte[count];
        Arrays.fill(out, (byte) value);
        return out;
    }

    /** The 256 byte values 0x00 to 0xff, in order. */
    public static byte[] allByteValues() {
        byte[] out = new byte[256];
        for (int i = 0; i < 256; i++) {
            out[i] = (byte) i;
        }
        return out;
    }

    /** The byte values 0x00 to 0xff in order, without {@code excluded}. */
    public static byte[] allByteValuesExcept(int excluded) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < 256; i++) {
            if (i != excluded) {
                out.write(i);
            }
        }
        return out.toByteArray();
    }

    /** {@code length} seeded pseudo-random bytes, none of them one of {@code excluded}. */
    public static byte[] random(long seed, int length, int... excluded) {
        Random random = new Random(seed);
        byte[] out = new byte[length];
        for (int i = 0; i < length; i++) {
            int value;
            do {
                value = random.nextInt(256);
            } while (contains(excluded, value));
            out[i] = (byte) value;
        }
        return out;
    }

    /** A 4-byte big-endian unsigned length header, spelled out byte by byte. */
    public static byte[] lengthHeader(long length) {
        return bytes((int) (length >>> 24) & 0xff, (int) (length >>> 16) & 0xff,
                (int) (length >>> 8) & 0xff, (int) length & 0xff);
    }

    /** An unsigned big-endian field of {@code width} bytes, spelled out byte by byte. */
    public static byte[] bigEndian(long value, int width) {
        byte[] out = new byte[width];
        for (int i = 0; i < width; i++) {
            out[i] = (byte) (value >>> (8 * (width - 1 - i)));
        }
        return out;
    }

    /** An unsigned little-endian field of {@code width} bytes. */
    public static byte[] littleEndian(long value, int width) {
        byte[] out = new byte[width];
        for (int i = 0; i < width; i++) {
            out[i] = (byte) (value >>> (8 * i));
        }
        return out;
    }

    /** protobuf's unsigned base-128 varint, written out from its definition. */
    public static byte[] varint(long value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        do {
            int group = (int) (value & 0x7f);
            value >>>= 7;
            out.write(value != 0 ? group | 0x80 : group);
        } while (value != 0);
        return out.toByteArray();
    }

    /** Python's {@code str(value).zfill(digits).encode()}. */
    public static byte[] zfill(long value, int digits) {
        return ascii(String.format("%0" + digits + "d", value));
    }

    /** A netstring, {@code len ":" payload ","}. */
    public static byte[] netstring(byte[] payload) {
        return concat(ascii(payload.length + ":"), payload, ascii(","));
    }

    /** The first {@code count} bytes as lowercase hex pairs separated by spaces, e.g. {@code 47 45 54}. */
    public static String hex(byte[] bytes, int count) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < Math.min(count, bytes.length); i++) {
            if (i > 0) {
                out.append(' ');
            }
            out.append(String.format("%02x", bytes[i] & 0xff));
        }
        return out.toString();
    }

    /** ASCII texts as a list of frames. */
    public static List<byte[]> frames(String... texts) {
        List<byte[]> out = new ArrayList<>();
        for (String text : texts) {
            out.add(ascii(text));
        }
        return out;
    }

    /** The index of the first {@code part} in {@code bytes} at or after {@code from}, or -1. */
    public static int indexOf(byte[] bytes, byte[] part, int from) {
        for (int at = from; at + part.length <= bytes.length; at++) {
            if (Arrays.equals(bytes, at, at + part.length, part, 0, part.length)) {
                return at;
            }
        }
        return -1;
    }

    private static boolean contains(int[] values, int value) {
        for (int v : values) {
            if (v == value) {
                return true;
            }
        }
        return false;
    }
}
