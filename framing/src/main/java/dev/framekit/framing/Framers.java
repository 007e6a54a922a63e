package dev.framekit.framing;

import java.nio.charset.StandardCharsets;

/**
 * Makes framekit's framers. Each result is immutable; its {@code with}-style methods
 * ({@code pad}, {@code maxFrameLength}) return a new framer, validated on the spot with a
 * message that names the field and its value.
 *
 * <pre>{@code
 * Framer lengths = Framers.lengthPrefixed();                        // 00 00 00 05 h e l l o
 * Framer big     = Framers.lengthPrefixed().withMaxFrameLength(64 << 20);
 * Framer lines   = Framers.lines();                                 // h e l l o \n
 * Framer custom  = Framers.delimiter("#*#");                        // h e l l o # * #
 * Framer fixed   = Framers.fixedLength(30).pad('#');                // h e l l o # # ... (30 bytes)
 * Framer oneShot = Framers.sendAndClose();                          // h e l l o, then half-close
 * Framer u16     = Framers.lengthPrefixed(LengthField.bigEndian(2)); // 00 05 h e l l o
 * Framer proto   = Framers.lengthPrefixed(LengthField.varint());     // 05 h e l l o
 * Framer seed    = Framers.lengthPrefixed(LengthField.asciiDecimal(5)); // 0 0 0 0 5 h e l l o
 * Framer net     = Framers.netstrings();                            // 5 : h e l l o ,
 * Framer telnet  = Framers.lines().lenientLineEndings();            // h e l l o [\r] \n
 * Framer body    = Framers.exactly(5);                              // h e l l o
 * Framer chunks  = Framers.chunked();                               // 5 \r \n h e l l o \r \n
 * }</pre>
 *
 * <p><b>Security.</b> Every framer caps the frames it accepts at
 * 1 MiB unless told otherwise, so a peer cannot make a receiver buffer
 * without bound. Raising the cap is an explicit, per-framer opt-in
 * ({@code withMaxFrameLength(n)}), up to 1 GiB (2<sup>30</sup> bytes).
 */
public final class Framers {
    private Framers() {}

    /**
     * Fixed-length padded frames of {@code frameSize} bytes, padded with {@code 0x00} (change it
     * with {@link FixedLengthFramer#pad(char)}).
     *
     * @param frameSize bytes per frame on the wire, 1 to 1 GiB (2<sup>30</sup>)
     * @return the framer
     * @throws IllegalArgumentException if {@code frameSize} is out of range
     */
    public static FixedLengthFramer fixedLength(int frameSize) {
        return FixedLengthFramer.of(frameSize);
    }

    /**
     * Frames ended by {@code delimiter}, given as text and sent as its UTF-8 bytes, e.g.
     * {@code "\n"}, {@code "\r\n"} or {@code "#*#"}.
     *
     * @param delimiter the non-empty delimiter
     * @return the framer
     * @throws IllegalArgumentException if {@code delimiter} is empty
     */
    public static DelimiterFramer delimiter(String delimiter) {
        return delimiter(delimiter.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Frames ended by the byte sequence {@code delimiter}.
     *
     * @param delimiter the non-empty delimiter bytes (copied)
     * @return the framer
     * @throws IllegalArgumentException if {@code delimiter} is empty
     */
    public static DelimiterFramer delimiter(byte[] delimiter) {
        return DelimiterFramer.of(delimiter);
    }

    /**
     * Lines: frames ended by {@code \n}, the delimiter {@code nc} and telnet users speak.
     *
     * @return the framer
     */
    public static DelimiterFramer lines() {
        return delimiter(new byte[] {'\n'});
    }

    /**
     * Frames preceded by their length as a 4-byte big-endian unsigned integer, Python's
     * {@code struct.pack("!I", len(data)) + data}.
     *
     * @return the framer
     */
    public static LengthPrefixFramer lengthPrefixed() {
        return LengthPrefixFramer.DEFAULT;
    }

    /**
     * Frames preceded by their length in the given field encoding ({@code u16}, {@code u32le},
     * {@code varint}, {@code ascii:5}, ...), with the default maximum or the field's capacity if
     * smaller. For a length adjustment or an oversize policy, use {@link LengthPrefixFramer#builder()}.
     *
     * @param field the length field, e.g. {@code LengthField.parse("u16le")}
     * @return the framer
     */
    public static LengthPrefixFramer lengthPrefixed(LengthField field) {
        return LengthPrefixFramer.builder().lengthField(field).build();
    }

    /**
     * Netstrings: {@code 12:hello world!,} (decimal length, colon, payload, comma).
     *
     * @return the framer
     */
    public static NetstringFramer netstrings() {
        return NetstringFramer.DEFAULT;
    }

    /**
     * One message per connection, ended by the sender half-closing its output.
     *
     * @return the framer
     */
    public static SendAndCloseFramer sendAndClose() {
        return SendAndCloseFramer.DEFAULT;
    }

    /**
     * Frames of exactly {@code length} bytes with nothing around them: a body whose length was
     * announced before it (HTTP's {@code Content-Length}).
     *
     * @param length bytes per frame, 1 to 1 GiB (2<sup>30</sup>)
     * @return the framer
     * @throws IllegalArgumentException if {@code length} is out of range
     */
    public static Framer exactly(int length) {
        return ExactLengthFramer.of(length);
    }

    /**
     * HTTP/1.1 chunked transfer coding: each message one chunk ({@code 5\r\nhello\r\n}), the
     * body ended by the last chunk {@code 0\r\n\r\n}, after which the decoder is
     * {@linkplain FrameDecoder#isFinished() finished}.
     *
     * @return the framer
     */
    public static ChunkedFramer chunked() {
        return ChunkedFramer.DEFAULT;
    }
}
