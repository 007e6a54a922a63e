package dev.framekit.framing;

import dev.framekit.framing.internal.HexPreview;
import io.netty.buffer.ByteBuf;

/**
 * One connection's CRC-32C decoder: the inner decoder finds each frame, this one checks and strips
 * its 4-byte checksum. It keeps no state of its own; every error depends on the frame's bytes only.
 */
final class Crc32cDecoder implements FrameDecoder {
    private final FrameDecoder inner;
    private final boolean skipBadFrames;

    Crc32cDecoder(FrameDecoder inner, boolean skipBadFrames) {
        this.inner = inner;
        this.skipBadFrames = skipBadFrames;
    }

    @Override
    public ByteBuf decode(ByteBuf in, boolean endOfStream) throws FramingException {
        ByteBuf frame = inner.decode(in, endOfStream);
        if (frame == null) {
            return null;
        }
        int length = frame.readableBytes() - Crc32cFramer.CHECKSUM_LENGTH;
        int start = frame.readerIndex();
        if (length < 0) {
            String preview = HexPreview.of(frame, start, frame.readableBytes());
            frame.release();
            throw bad("crc32c: a frame of " + (length + Crc32cFramer.CHECKSUM_LENGTH)
                    + " bytes is too short to hold its 4-byte checksum" + ending() + preview);
        }
        int expected = frame.getInt(start + length);
        int actual = Crc32cFramer.crc32c(frame, start, length);
        if (expected != actual) {
            String preview = HexPreview.of(frame, start, length);
            frame.release();
            throw bad(String.format("crc32c: a frame of %d bytes has the checksum %08x, but its bytes sum to %08x"
                    + " (damaged on the way, or not checksummed)", length, expected, actual) + ending() + preview);
        }
        ByteBuf payload = frame.retainedSlice(start, length);
        frame.release();
        return payload;
    }

    private String ending() {
        return skipBadFrames ? "; skipped, reading goes on with the next frame: " : ": ";
    }

    private FramingException bad(String message) {
        FramingException e = new FramingException(message);
        return skipBadFrames ? e.markSkipped() : e;
    }

    @Override
    public boolean isFinished() {
        return inner.isFinished();
    }

    @Override
    public String toString() {
        return "crc32c decoder around " + inner;
    }
}
