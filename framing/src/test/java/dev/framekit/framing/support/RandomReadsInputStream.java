package dev.framekit.framing.support;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Random;

/**
 * Passes reads through to another stream, each capped at a random size (mostly small, now and
 * then large): a byte stream split at places nobody chose.
 */
public final class RandomReadsInputStream extends FilterInputStream {
    private final Random random;

    public RandomReadsInputStream(InputStream in, Random random) {
        super(in);
        this.random = random;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        return super.read(b, off, Math.min(len, randomSize(random)));
    }

    /** 1 to 16 bytes half the time, up to 1.5 KiB often, up to 96 KiB now and then. */
    public static int randomSize(Random random) {
        int roll = random.nextInt(100);
        return 1 + (roll < 50 ? random.nextInt(16) : roll < 90 ? random.nextInt(1500) : random.nextInt(96 * 1024));
    }
}
