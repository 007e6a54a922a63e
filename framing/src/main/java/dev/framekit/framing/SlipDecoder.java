package dev.framekit.framing;

import static dev.framekit.framing.SlipFramer.END;
import static dev.framekit.framing.SlipFramer.ESC;
import static dev.framekit.framing.SlipFramer.ESC_END;
import static dev.framekit.framing.SlipFramer.ESC_ESC;

import dev.framekit.framing.internal.HexPreview;
import io.netty.buffer.ByteBuf;

/**
 * One connection's SLIP decoder. It reads each byte once, counting the escapes as it looks for
 * the END, and keeps its place between calls; a complete frame is unescaped into a new buffer of
 * its decoded size, which the count bounds by the maximum before anything is allocated.
 */
final class SlipDecoder implements FrameDecoder {
    private final int maxFrameLength;
    /** Offsets {@code [0, scanned)} past the reader index hold no END. */
    private int scanned;
    /** ESC bytes among the scanned ones: the frame decodes to {@code scanned - escapes} bytes so far. */
    private int escapes;
    /** True after an over-long frame was reported: its bytes are dropped up to its END. */
    private boolean discarding;

    SlipDecoder(int maxFrameLength) {
        this.maxFrameLength = maxFrameLength;
    }

    @Override
    public ByteBuf decode(ByteBuf in, boolean endOfStream) throws FramingException {
        while (true) {
            int start = in.readerIndex();
            int end = in.writerIndex();
            if (discarding) {
                int found = ByteScan.indexOf(in, start, end, END);
                in.readerIndex(found < 0 ? end : found + 1);
                discarding = found < 0 && !endOfStream;
                return null;
            }
            int found = -1;
            for (int i = start + scanned; i < end; i++) {
                byte b = in.getByte(i);
                if (b == END) {
                    found = i;
                    break;
                }
                if (b == ESC) {
                    escapes++;
                }
                if (i + 1 - start - escapes > maxFrameLength) {
                    scanned = 0;
                    escapes = 0;
                    discarding = true;
                    throw new FrameTooLongException("slip: a frame decodes to more than the maximum of " + maxFrameLength
                            + " bytes before its END (raise it with Framers.slip(maxFrameLength) if the peer is"
                            + " legitimate; reading again skips this frame): " + HexPreview.of(in, start, i + 1 - start),
                            (long) maxFrameLength + 1, maxFrameLength).markSkipped();
                }
            }
            if (found < 0) {
                scanned = end - start;
                if (endOfStream && end > start) {
                    throw new TruncatedFrameException("slip: stream ended after " + (end - start)
                            + " bytes of a frame without its END (0xc0): " + HexPreview.of(in, start, end - start),
                            end - start, TruncatedFrameException.UNKNOWN);
                }
                return null;
            }
            int length = found - start;
            int decoded = length - escapes;
            scanned = 0;
            escapes = 0;
            if (length == 0) {
                in.skipBytes(1); // an empty frame: the END a sender writes before each frame
                continue;
            }
            try {
                return unescape(in, start, length, decoded);
            } finally {
                in.readerIndex(found + 1);
            }
        }
    }

    private static ByteBuf unescape(ByteBuf in, int start, int length, int decoded) throws FramingException {
        for (int i = start; i < start + length; i++) {
            if (in.getByte(i) == ESC) {
                byte next = i + 1 < start + length ? in.getByte(i + 1) : END;
                if (next != ESC_END && next != ESC_ESC) {
                    throw new FramingException("slip: a damaged frame of " + length + " bytes: the ESC (0xdb) at offset "
                            + (i - start) + " is followed by " + HexPreview.describeByte(next)
                            + ", not 0xdc or 0xdd; skipped, reading goes on with the next frame: "
                            + HexPreview.of(in, start, length)).markSkipped();
                }
                i++;
            }
        }
        ByteBuf out = in.alloc().buffer(decoded);
        for (int i = start; i < start + length; i++) {
            byte b = in.getByte(i);
            if (b == ESC) {
                out.writeByte(in.getByte(++i) == ESC_END ? END : ESC);
            } else {
                out.writeByte(b);
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return "slip decoder, max " + maxFrameLength + " bytes (scanned " + scanned + " bytes)";
    }
}
