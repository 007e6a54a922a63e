package dev.framekit.framing;

import dev.framekit.framing.internal.FrameLimits;
import dev.framekit.framing.internal.HexPreview;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.Objects;
import java.util.zip.CRC32C;

/**
 * A CRC-32C trailer inside any framer's frames: the payload, then its CRC-32C (Castagnoli, as in
 * iSCSI, SCTP, ext4 and Kafka record batches) in 4 bytes big-endian, framed together by the inner
 * framer. Made by {@link Framers#crc32c(Framer)} and {@link Framers#crc32cSkippingBadFrames(Framer)}.
 *
 * <pre>
 * Framers.crc32c(Framers.lengthPrefixed()), message "hi":
 *
 *   +----+----+----+----+----+----+----+----+----+----+
 *   | 00 | 00 | 00 | 06 | 68 | 69 | f5 | 9d | d9 | c2 |  ---&gt;  "hi"
 *   +----+----+----+----+----+----+----+----+----+----+
 *    inner length (6)    payload  CRC-32C of "hi", big-endian
 * </pre>
 *
 * <p>A frame whose checksum does not match its bytes, or that is too short to hold one, fails
 * with a {@link FramingException} that gives both sums. Under {@code crc32c} that ends the
 * stream, as for any framing error; under {@code crc32cSkippingBadFrames} each bad frame is
 * reported once and the next read returns the next frame: the inner framer has already found
 * where the bad frame ends. The inner framer's own errors are its own.
 *
 * <p><b>Wrap a binary-safe framer</b> (a length prefix, netstrings, COBS, SLIP): the checksum's
 * bytes are arbitrary, so a framer that refuses some bytes (a delimiter, a pad byte, JSON) refuses
 * some messages for their checksum alone. Cost: 4 bytes per frame and one pass over the payload
 * each way (CRC-32C runs at several GB/s on current CPUs).
 */
final class Crc32cFramer implements Framer {
    static final int CHECKSUM_LENGTH = 4;

    private final Framer inner;
    private final boolean skipBadFrames;

    Crc32cFramer(Framer inner, boolean skipBadFrames) {
        this.inner = Objects.requireNonNull(inner, "inner");
        this.skipBadFrames = skipBadFrames;
        if (inner.maxFrameLength() <= CHECKSUM_LENGTH) {
            throw new IllegalArgumentException("crc32c: the inner framer's maximum frame length must be over "
                    + CHECKSUM_LENGTH + " bytes to hold a checksum, got " + inner.maxFrameLength());
        }
    }

    static int crc32c(ByteBuf buf, int index, int length) {
        CRC32C crc = new CRC32C();
        if (buf.hasArray()) {
            crc.update(buf.array(), buf.arrayOffset() + index, length);
        } else {
            crc.update(buf.nioBuffer(index, length));
        }
        return (int) crc.getValue();
    }

    /** The payload's maximum: the inner framer's, less the checksum. */
    @Override
    public int maxFrameLength() {
        return inner.maxFrameLength() - CHECKSUM_LENGTH;
    }

    @Override
    public FrameEncoder newEncoder() {
        return new Encoder(inner.newEncoder());
    }

    @Override
    public FrameDecoder newDecoder() {
        return new Crc32cDecoder(inner.newDecoder(), skipBadFrames);
    }

    /** Describes the rule, e.g. {@code crc32c(length-prefix(...), skips bad frames)}. */
    @Override
    public String toString() {
        return "crc32c(" + inner + (skipBadFrames ? ", skips bad frames)" : ")");
    }

    /** Equal when the inner framers and the policies are. */
    @Override
    public boolean equals(Object other) {
        return other instanceof Crc32cFramer that && inner.equals(that.inner) && skipBadFrames == that.skipBadFrames;
    }

    @Override
    public int hashCode() {
        return 31 * inner.hashCode() + Boolean.hashCode(skipBadFrames);
    }

    /**
     * One connection's encoder: the inner encoder's, around the payload and its checksum. The
     * checksum {@link #check} computed is written by {@link #writeTrailer}, so a writer may still
     * send the payload straight from the caller's memory when the inner rule does not rewrite it.
     */
    private final class Encoder implements FrameEncoder {
        private final FrameEncoder parts;
        private final ByteBuf checksum = Unpooled.buffer(CHECKSUM_LENGTH, CHECKSUM_LENGTH);

        Encoder(FrameEncoder parts) {
            this.parts = parts;
        }

        /** Checks the payload with its checksum against the inner rule, and keeps the checksum for the trailer. */
        @Override
        public MessageRefusedException check(ByteBuf message) {
            MessageRefusedException overMaximum = FrameLimits.refuseOverMaximum(message, maxFrameLength(), "crc32c",
                    "the inner framer's withMaxFrameLength(n)");
            if (overMaximum != null) {
                return overMaximum;
            }
            checksum.clear().writeInt(crc32c(message, message.readerIndex(), message.readableBytes()));
            ByteBuf whole = withChecksum(message);
            MessageRefusedException inner;
            try {
                inner = parts.check(whole);
            } finally {
                whole.release();
            }
            return inner == null ? null : new MessageRefusedException("crc32c: with its checksum "
                    + HexPreview.of(checksum, 0, CHECKSUM_LENGTH) + " the message cannot be carried by " + Crc32cFramer.this.inner
                    + " (wrap a binary-safe framer): " + inner.getMessage(), message.readableBytes());
        }

        /** The payload and the checksum as one buffer, without copying either; the caller releases it. */
        private ByteBuf withChecksum(ByteBuf message) {
            ByteBuf sum = checksum.retainedSlice(0, CHECKSUM_LENGTH);
            if (!message.isReadable()) {
                return sum;
            }
            return Unpooled.compositeBuffer(2).addComponents(true, message.retainedSlice(), sum);
        }

        @Override
        public int overhead(int payloadLength) {
            return parts.overhead(payloadLength + CHECKSUM_LENGTH) + CHECKSUM_LENGTH;
        }

        @Override
        public void writeHeader(int payloadLength, ByteBuf out) {
            parts.writeHeader(payloadLength + CHECKSUM_LENGTH, out);
        }

        /** The payload and the checksum through the inner encoder, for a rule that rewrites them; else the payload. */
        @Override
        public void writePayload(ByteBuf message, ByteBuf out) {
            if (parts.sendsPayloadUnchanged()) {
                parts.writePayload(message, out);
                return;
            }
            ByteBuf whole = withChecksum(message);
            try {
                parts.writePayload(whole, out);
            } finally {
                whole.release();
            }
        }

        @Override
        public boolean sendsPayloadUnchanged() {
            return parts.sendsPayloadUnchanged();
        }

        /** The checksum (unless the inner rule rewrote it with the payload), then the inner trailer. */
        @Override
        public void writeTrailer(int payloadLength, ByteBuf out) {
            if (parts.sendsPayloadUnchanged()) {
                out.writeBytes(checksum, 0, CHECKSUM_LENGTH);
            }
            parts.writeTrailer(payloadLength + CHECKSUM_LENGTH, out);
        }

        @Override
        public void writeEnd(ByteBuf out) {
            parts.writeEnd(out);
        }

        @Override
        public boolean isFinished() {
            return parts.isFinished();
        }

        @Override
        public String toString() {
            return Crc32cFramer.this.toString();
        }
    }
}
