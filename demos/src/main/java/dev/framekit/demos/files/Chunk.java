package dev.framekit.demos.files;

import dev.framekit.framing.Framer;
import dev.framekit.framing.Framers;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * One frame of a transfer connection: after the {@link dev.framekit.demos.chat.room.PeerCheck#TRANSFER_PREAMBLE}
 * every frame is a 4-byte big-endian length, then a type byte and its body ({@link #FRAMER}).
 *
 * <pre>
 * type  body                     sent by
 * 'H'   'S' or 'R', then KEY     a client: "I send" or "I receive" the file of this one-time key
 * 'D'   1 to 65536 bytes         the sender, relayed: the file's next bytes
 * 'E'   32 bytes                 the sender, relayed: the end, with the file's SHA-256
 * 'K'   nothing                  the receiver, relayed: saved, the SHA-256 matched
 * 'X'   UTF-8, at most 300 bytes anyone: the transfer is off, and why
 *
 *   00 00 00 06 | 44 | 68 65 6c 6c 6f      a Data chunk of "hello"
 * </pre>
 */
sealed interface Chunk {
    /** The most file bytes one {@link Data} chunk carries. */
    int DATA_SIZE = 64 * 1024;
    /** The longest reason an {@link Abort} carries, in bytes. */
    int MAX_REASON = 300;
    /** The framing of a transfer connection after its preamble. */
    Framer FRAMER = Framers.lengthPrefixed().withMaxFrameLength(1 + DATA_SIZE);

    /** A client says which end of which transfer it is: {@code sender} or receiver, and the one-time key. */
    record Hello(boolean sender, String key) implements Chunk {}

    /** The file's next bytes: a view of the frame it came in, valid while that frame is. */
    record Data(ByteBuf bytes) implements Chunk {}

    /** The end of the file, with its SHA-256. */
    record End(byte[] sha256) implements Chunk {}

    /** The receiver saved the file and its SHA-256 matched. */
    record Done() implements Chunk {}

    /** The transfer is off; {@code reason} says why in words. */
    record Abort(String reason) implements Chunk {}

    /** A frame that is no chunk: the transfer is off. */
    final class BadChunkException extends IOException {
        BadChunkException(String message) {
            super(message);
        }
    }

    /** The frame for this chunk; the caller writes it (for {@link Data}, it shares the bytes). */
    default ByteBuf encode() {
        return switch (this) {
            case Hello hello -> Unpooled.copiedBuffer("H" + (hello.sender() ? "S" : "R") + hello.key(), StandardCharsets.US_ASCII);
            case Data data -> Unpooled.wrappedBuffer(Unpooled.wrappedBuffer(new byte[] {'D'}), data.bytes().retainedDuplicate());
            case End end -> Unpooled.wrappedBuffer(new byte[] {'E'}, end.sha256());
            case Done done -> Unpooled.wrappedBuffer(new byte[] {'K'});
            case Abort abort -> Unpooled.wrappedBuffer(Unpooled.wrappedBuffer(new byte[] {'X'}),
                    Unpooled.wrappedBuffer(reason(abort.reason())));
        };
    }

    /** Reads one frame; a {@link Data} chunk is a view of {@code frame}, which the caller still owns. */
    static Chunk decode(ByteBuf frame) throws BadChunkException {
        if (!frame.isReadable()) {
            throw new BadChunkException("an empty frame, not a chunk");
        }
        int type = frame.getByte(frame.readerIndex());
        ByteBuf body = frame.slice(frame.readerIndex() + 1, frame.readableBytes() - 1);
        return switch (type) {
            case 'H' -> hello(body);
            case 'D' -> {
                if (!body.isReadable()) {
                    throw new BadChunkException("a data chunk without data");
                }
                yield new Data(body);
            }
            case 'E' -> {
                if (body.readableBytes() != 32) {
                    throw new BadChunkException("an end chunk of " + body.readableBytes() + " bytes, not a 32-byte SHA-256");
                }
                yield new End(ByteBufUtil.getBytes(body));
            }
            case 'K' -> new Done();
            case 'X' -> new Abort(body.readableBytes() > MAX_REASON ? body.toString(body.readerIndex(), MAX_REASON,
                    StandardCharsets.UTF_8) : body.toString(StandardCharsets.UTF_8));
            default -> throw new BadChunkException(String.format("a frame of type 0x%02x, not a chunk", type & 0xff));
        };
    }

    private static Chunk hello(ByteBuf body) throws BadChunkException {
        String text = body.toString(StandardCharsets.ISO_8859_1);
        if (text.length() != 33 || (text.charAt(0) != 'S' && text.charAt(0) != 'R') || !FileLines.isKey(text.substring(1))) {
            throw new BadChunkException("a hello that names no transfer");
        }
        return new Hello(text.charAt(0) == 'S', text.substring(1));
    }

    /** A reason cut to {@link #MAX_REASON} bytes, never inside a character. */
    private static byte[] reason(String reason) {
        byte[] bytes = reason.getBytes(StandardCharsets.UTF_8);
        int end = Math.min(bytes.length, MAX_REASON);
        while (end < bytes.length && end > 0 && (bytes[end] & 0xc0) == 0x80) {
            end--;
        }
        return java.util.Arrays.copyOf(bytes, end);
    }
}
