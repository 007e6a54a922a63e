package dev.framekit.framing;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;

/**
 * A {@link FrameWriter}'s view of the caller's array or buffer: made when the caller writes from
 * one, and re-aimed, not made again, while the caller writes from the same one (a send buffer it
 * refills), so that such writes make no object per message. {@link #forget()} lets go of the
 * caller's memory.
 */
final class SendView {
    private ByteBuf view;
    private Object viewed;

    /** A view of {@code length} bytes of {@code array} from {@code offset}. */
    ByteBuf of(byte[] array, int offset, int length) {
        java.util.Objects.checkFromIndexSize(offset, length, array.length);
        if (viewed != array) {
            view = Unpooled.wrappedBuffer(array);
            viewed = array;
        }
        return view.setIndex(offset, offset + length);
    }

    /** A view of {@code buffer}'s bytes from its position to its limit, which it does not move. */
    ByteBuf of(ByteBuffer buffer) {
        if (buffer.hasArray()) {
            return of(buffer.array(), buffer.arrayOffset() + buffer.position(), buffer.remaining());
        }
        if (viewed != buffer) {
            view = Unpooled.wrappedBuffer(buffer.duplicate().clear());
            viewed = buffer;
        }
        return view.setIndex(buffer.position(), buffer.limit());
    }

    /** Lets go of the caller's array or buffer. */
    void forget() {
        view = null;
        viewed = null;
    }
}
