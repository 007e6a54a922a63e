package dev.framekit.demos.load;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * The messages a load run sends, each one checkable on its own: which connection, which
 * message, filler, and a CRC-32 of all that. All of it is printable ASCII from a small set
 * ({@code a-z 0-9}, space, dot), so the same payload fits every framing: no {@code \n} or
 * {@code #*#} inside, and it ends with a byte that is not the pad byte.
 *
 * <pre>
 * c000042 s0000000007 qrstuvw...xyza 1f2e3d4c.
 * |       |           |              |       \ end mark (another byte if the pad is '.')
 * |       |           |              CRC-32 of everything before it, hex
 * |       |           filler, a function of connection and message number
 * |       message number on the connection, from 0
 * connection number
 * </pre>
 *
 * <p>On the JSON framings, which carry only JSON texts, the same text goes inside a JSON array
 * ({@link #asJson}): {@code ["c000042 s0000000007 … 1f2e3d4c."]}.
 */
final class Payloads {
    /** The shortest payload: the fields and the checksum with no filler. */
    static final int MIN_SIZE = 32;

    private static final int HEAD = 20;
    private static final int TAIL = 10;

    private final int size;
    private final byte endMark;
    /** For the JSON framings: each payload is a JSON array holding these payloads' text, {@code ["…"]}; else null. */
    private final Payloads inJson;

    /** Payloads of {@code size} bytes that never end with {@code pad} (a fixed framing's pad byte, or -1). */
    Payloads(int size, int pad) {
        if (size < MIN_SIZE) {
            throw new IllegalArgumentException("--size " + size + " is too small; the least is " + MIN_SIZE
                    + " bytes (connection, message number and checksum)");
        }
        this.size = size;
        this.endMark = (byte) (pad == '.' ? ';' : '.');
        this.inJson = null;
    }

    private Payloads(Payloads inner) {
        this.size = inner.size + 4;
        this.endMark = ']';
        this.inJson = inner;
    }

    /** The same payloads as text inside a JSON array, {@code ["c000042 s… 1f2e3d4c."]}, {@code size} bytes in all. */
    static Payloads asJson(int size) {
        return new Payloads(new Payloads(size - 4, -1));
    }

    /** The payload of message {@code sequence} on connection {@code connection}. */
    byte[] make(int connection, long sequence) {
        if (inJson != null) {
            byte[] text = inJson.make(connection, sequence);
            byte[] out = new byte[size];
            out[0] = '[';
            out[1] = '"';
            System.arraycopy(text, 0, out, 2, text.length);
            out[size - 2] = '"';
            out[size - 1] = ']';
            return out;
        }
        byte[] out = new byte[size];
        String head = String.format("c%06d s%010d ", connection, sequence);
        byte[] headBytes = head.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(headBytes, 0, out, 0, HEAD);
        long seed = connection * 31L + sequence * 7L;
        for (int i = HEAD; i < size - TAIL; i++) {
            out[i] = (byte) ('a' + (int) ((seed + i) % 26));
        }
        out[size - TAIL] = ' ';
        CRC32 crc = new CRC32();
        crc.update(out, 0, size - TAIL + 1);
        byte[] sum = String.format("%08x", crc.getValue()).getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(sum, 0, out, size - TAIL + 1, 8);
        out[size - 1] = endMark;
        return out;
    }

    /**
     * Why {@code echo} is not the expected message {@code sequence} of {@code connection}, or null
     * if it is. An intact message with another number is out of order (lost, duplicated or
     * reordered); anything else is corrupt.
     */
    Mismatch check(byte[] echo, int connection, long sequence) {
        byte[] expected = make(connection, sequence);
        if (java.util.Arrays.equals(echo, expected)) {
            return null;
        }
        if (intact(echo)) {
            String head = new String(echo, inJson == null ? 0 : 2, HEAD, StandardCharsets.US_ASCII);
            return new Mismatch(ErrorKind.OUT_OF_ORDER, "expected message " + sequence + " of connection " + connection
                    + ", got an intact '" + head.trim() + "'");
        }
        int at = java.util.Arrays.mismatch(echo, expected);
        return new Mismatch(ErrorKind.CORRUPT, "message " + sequence + " of connection " + connection + ": "
                + (echo.length != expected.length ? echo.length + " bytes came back, " + expected.length + " were sent; "
                        : "") + "first difference at byte " + at);
    }

    private boolean intact(byte[] echo) {
        if (inJson != null) {
            return echo.length == size && echo[0] == '[' && echo[size - 1] == ']'
                    && inJson.intact(java.util.Arrays.copyOfRange(echo, 2, size - 2));
        }
        if (echo.length != size || echo[size - 1] != endMark) {
            return false;
        }
        CRC32 crc = new CRC32();
        crc.update(echo, 0, size - TAIL + 1);
        String sum = new String(echo, size - TAIL + 1, 8, StandardCharsets.US_ASCII);
        return sum.equals(String.format("%08x", crc.getValue()));
    }

    /** A failed verification: its kind and what differed. */
    record Mismatch(ErrorKind kind, String detail) {}
}
