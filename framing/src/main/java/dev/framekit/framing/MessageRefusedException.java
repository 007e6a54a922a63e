package dev.framekit.framing;

/**
 * A framer refused to encode a message it cannot carry losslessly. <b>Nothing was written</b>:
 * the output buffer and the stream are exactly as they were before the call.
 *
 * <p>The reasons, by framer: a message longer than a fixed frame, or ending with the pad byte
 * (the receiver would strip it); a message containing the delimiter, or ending so that the
 * delimiter would appear early, or (on a lenient line framer) ending with {@code \r}; a message
 * over the maximum frame length, which a length field's capacity bounds too; a second message on
 * a send-and-close connection. framekit never truncates or alters a message to make it fit.
 */
public final class MessageRefusedException extends FramingException {
    private static final long serialVersionUID = 1L;

    /** The refused message's length in bytes. */
    private final int messageLength;

    /**
     * Creates a refusal; the message says why the framer cannot carry the message.
     *
     * @param message the complete, human-readable description
     * @param messageLength the length of the refused message, in bytes
     */
    public MessageRefusedException(String message, int messageLength) {
        super(message);
        this.messageLength = messageLength;
    }

    /**
     * Returns the length of the message that was refused.
     *
     * @return the refused message's length in bytes
     */
    public int messageLength() {
        return messageLength;
    }
}
