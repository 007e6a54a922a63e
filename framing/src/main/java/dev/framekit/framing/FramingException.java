package dev.framekit.framing;

import java.io.IOException;

/**
 * The root of framekit's errors: the bytes on a connection, or a message handed to a framer,
 * do not fit the framing rule.
 *
 * <p>It is an {@link IOException}, so code that already handles stream errors handles framing
 * errors too. Its subclasses say what went wrong:
 *
 * <ul>
 *   <li>{@link FrameTooLongException}: an inbound frame is over the framer's maximum length;
 *   <li>{@link TruncatedFrameException}: the stream ended inside a frame;
 *   <li>{@link MessageRefusedException}: a message the framer cannot carry losslessly.
 * </ul>
 *
 * <p>Every message names the framer, carries the sizes involved, and, where bytes are involved,
 * a short hex preview of them. After an inbound framing error the stream is no longer in step
 * with the framing rule: close the connection. The exception is a framing that finds the next
 * frame by itself after a bad one (the delimiter framer after an over-long line; COBS, SLIP and
 * JSON text sequences after a damaged frame): its decoder reports each bad frame once and the
 * next read goes on with the next frame.
 */
public class FramingException extends IOException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception with a message that says what happened and what to do about it.
     *
     * @param message the complete, human-readable description
     */
    public FramingException(String message) {
        super(message);
    }

    /** Whether the decoder skipped the frame and decoding goes on (set by the decoder, not public API). */
    private boolean skipped;

    /**
     * Marks this as a frame the decoder skipped: reading goes on with the next frame (an over-long
     * line, a damaged COBS or SLIP frame, a bad checksum under skip).
     */
    FramingException markSkipped() {
        skipped = true;
        return this;
    }

    /**
     * Returns whether the decoder skipped the bad frame this reports, so that the next read goes on
     * with the next frame (an over-long line, a damaged COBS, SLIP or JSON-seq frame, a bad
     * checksum under {@link Framers#crc32cSkippingBadFrames(Framer)}); otherwise the stream is out
     * of step and every later read throws this again.
     *
     * @return true if reading may go on after this error
     */
    public boolean isSkipped() {
        return skipped;
    }
}
