package dev.framekit.demos.compare.measure;

/**
 * The two ways compare writes each Netty contender, shown as two rows so a reader sees both.
 *
 * <pre>
 *                 naive                                   tuned
 * transport       NIO                                     native epoll where it loads, else NIO
 * sending         one pooled buffer per message;          frames encoded by hand into pooled direct
 *                 LengthFieldPrepender adds a 4-byte      buffers, header and payload together, up to
 *                 header buffer of its own                64 KiB of frames per write
 * promises        a new ChannelPromise per write          the void promise (one real one, for the last write)
 * flushing        every 64 KiB (streaming), every         every 64 KiB (streaming); the echo flushes once
 *                 message (ping-pong, echo)               per read (channelReadComplete)
 * echo            the decoded payload, framed again       the frame as it came, header or \n included:
 *                 by the encoder                          nothing framed again
 * large frames    the merging cumulator (a frame that     the composite cumulator for length and fixed
 *                 spans reads is copied together)         frames of 16 KiB and up (a view of the reads)
 * </pre>
 *
 * The decoders are the same Netty decoders in both (the echo's keeps the header or the line end in
 * the tuned form, so the frame goes back unchanged). framekit's {@code vs netty} columns compare with the tuned rows.
 */
public enum NettyStyle {
    /** What a first Netty program does: a promise per write, the prepender's separate header buffer, NIO. */
    NAIVE,
    /** What Netty's maintainers would write: void promises, one buffer per batch of frames, consolidated flushes, epoll. */
    TUNED;

    /** {@code tuned}, {@code naive} or {@code both} (any case), as {@code compare --netty} takes it. */
    public static java.util.Set<NettyStyle> parse(String styles) {
        return switch (styles.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "tuned" -> java.util.EnumSet.of(TUNED);
            case "naive" -> java.util.EnumSet.of(NAIVE);
            case "both" -> java.util.EnumSet.allOf(NettyStyle.class);
            default -> throw new IllegalArgumentException("'" + styles + "' is not one of tuned, naive, both");
        };
    }

    /** The row name's suffix: {@code naive} or {@code tuned}. */
    String suffix() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
