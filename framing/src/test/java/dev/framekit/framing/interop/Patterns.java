package dev.framekit.framing.interop;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The payloads both sides of an interop test generate on their own, so neither has to trust
 * the other: byte {@code i} of a message is {@code (i * 31 + seed) % 256}, as in the Python
 * peers' {@code pattern(size, seed)}.
 */
public final class Patterns {
    private Patterns() {}

    /**
     * The message {@code pattern(size, seed)}.
     *
     * @param size its length
     * @param seed its seed
     * @return the bytes
     */
    public static byte[] bytes(int size, int seed) {
        byte[] out = new byte[size];
        for (int i = 0; i < size; i++) {
            out[i] = (byte) ((i * 31 + seed) % 256);
        }
        return out;
    }

    /**
     * The SHA-256 of {@code bytes} in hex: what a Python peer prints for a message it got.
     *
     * @param bytes the message
     * @return 64 hex digits
     */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
