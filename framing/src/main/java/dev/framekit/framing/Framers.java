package dev.framekit.framing;

import dev.framekit.framing.internal.FrameLimits;
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
 * Framer mqtt    = Framers.mqtt();                                  // 30 05 h e l l o (type+flags, remaining length)
 * Framer grpc    = Framers.grpc();                                  // 00 00 00 00 05 h e l l o
 * Framer zmtp    = Framers.zmtp();                                  // 00 05 h e l l o (flags, size)
 * Framer net     = Framers.netstrings();                            // 5 : h e l l o ,
 * Framer telnet  = Framers.lines().lenientLineEndings();            // h e l l o [\r] \n
 * Framer body    = Framers.exactly(5);                              // h e l l o
 * Framer chunks  = Framers.chunked();                               // 5 \r \n h e l l o \r \n
 * Framer cobs    = Framers.cobs();                                  // 06 h e l l o 00
 * Framer slip    = Framers.slip();                                  // c0 h e l l o c0
 * Framer json    = Framers.json();                                  // { " a " : 1 }
 * Framer jsonSeq = Framers.jsonSeq();                               // 1e { " a " : 1 } \n
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
     * {@return fixed-length padded frames of {@code frameSize} bytes, padded with {@code 0x00} (change it
     * with {@link FixedLengthFramer#pad(char)})}
     * @param frameSize bytes per frame on the wire, 1 to 1 GiB (2<sup>30</sup>)
     * @throws IllegalArgumentException if {@code frameSize} is out of range
     */
    public static FixedLengthFramer fixedLength(int frameSize) {
        return FixedLengthFramer.of(frameSize);
    }

    /**
     * {@return frames ended by {@code delimiter}, given as text and sent as its UTF-8 bytes, e.g.
     * {@code "\n"}, {@code "\r\n"} or {@code "#*#"}}
     * @param delimiter the non-empty delimiter
     * @throws IllegalArgumentException if {@code delimiter} is empty
     */
    public static DelimiterFramer delimiter(String delimiter) {
        return delimiter(delimiter.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * {@return frames ended by the byte sequence {@code delimiter}}
     * @param delimiter the non-empty delimiter bytes (copied)
     * @throws IllegalArgumentException if {@code delimiter} is empty
     */
    public static DelimiterFramer delimiter(byte[] delimiter) {
        return DelimiterFramer.of(delimiter);
    }

    /**
     * {@return frames ended by any one of several delimiters, given as text and sent as UTF-8} A frame
     * ends at the first byte that completes one of them, and where several complete at the same
     * byte the longest is the delimiter ({@code delimiters("\r\n", "\n")} reads both line endings
     * and strips each whole). The first is the one sent.
     * <pre>   Framers.delimiters("\r\n", "\n"):   61 0d 0a 62 0a   --&gt;   "a", "b"      ("a" sent as 61 0d 0a)</pre>
     * @param first the delimiter sent, non-empty
     * @param more the other delimiters accepted, each non-empty
     * @throws IllegalArgumentException if a delimiter is empty
     */
    public static DelimiterFramer delimiters(String first, String... more) {
        return DelimiterFramer.anyOf(first, more);
    }

    /** {@return lines: frames ended by {@code \n}, the delimiter {@code nc} and telnet users speak} */
    public static DelimiterFramer lines() {
        return delimiter(new byte[] {'\n'});
    }

    /**
     * {@return frames preceded by their length as a 4-byte big-endian unsigned integer, Python's
     * {@code struct.pack("!I", len(data)) + data}}
     */
    public static LengthPrefixFramer lengthPrefixed() {
        return LengthPrefixFramer.DEFAULT;
    }

    /**
     * {@return frames preceded by their length in the given field encoding ({@code u16}, {@code u32le},
     * {@code varint}, {@code ascii:5}, ...), with the default maximum or the field's capacity if
     * smaller} For a length adjustment or an oversize policy, use {@link LengthPrefixFramer#builder()}.
     * @param field the length field, e.g. {@code LengthField.parse("u16le")}
     */
    public static LengthPrefixFramer lengthPrefixed(LengthField field) {
        return LengthPrefixFramer.builder().lengthField(field).build();
    }

    /**
     * {@return MQTT control packets, at most 1 MiB ({@code withMaxFrameLength} to 268,435,455)} MQTT 5.0
     * section 2.1, 3.1.1 section 2.2: a type+flags byte (each type's fixed flags checked, type 0 refused)
     * kept as the frame's {@linkplain Frame#headerFields() header field}, then the Remaining Length
     * ({@link LengthField#variableByteInteger()}: 1 to 4 bytes, minimal, at most 268,435,455). A plain
     * message is a PUBLISH at QoS 0: {@code 30 05 h e l l o}.
     */
    public static LengthPrefixFramer mqtt() {
        return LengthPrefixFramer.builder().preset(LengthPreset.MQTT).lengthFieldOffset(1)
                .defaultHeaderFields((byte) 0x30).lengthField(LengthField.variableByteInteger()).build();
    }

    /**
     * {@return gRPC Length-Prefixed-Messages, at most 1 MiB (gRPC's own maximum is 4 MiB)}
     * A Compressed-Flag byte, 0 or 1, kept as the frame's {@linkplain Frame#headerFields() header
     * field}, then a 4-byte big-endian length: {@code 00 00 00 00 05 h e l l o}.
     */
    public static LengthPrefixFramer grpc() {
        return LengthPrefixFramer.builder().preset(LengthPreset.GRPC).lengthFieldOffset(1).build();
    }

    /**
     * {@return ZeroMQ ZMTP 3.x frames after the greeting, at most 1 MiB} A flags byte (MORE 01, LONG
     * 02, COMMAND 04) kept as the frame's {@linkplain Frame#headerFields() header field}, then a 1-byte
     * size, or 8 bytes under LONG (written for payloads over 255 bytes or when the flags ask):
     * {@code 00 05 h e l l o}.
     */
    public static Framer zmtp() {
        return ZmtpFramer.DEFAULT;
    }

    /**
     * {@return ZMTP frames of at most {@code maxFrameLength} bytes; see {@link #zmtp()}}
     * @param maxFrameLength 1 to 1 GiB (2<sup>30</sup>)
     */
    public static Framer zmtp(int maxFrameLength) {
        return ZmtpFramer.withMax(maxFrameLength);
    }

    /**
     * {@return Redis RESP 2 and 3, one element per frame, at most 1 MiB} Its line ({@code $5},
     * {@code +OK}, {@code *2}) is the frame's {@linkplain Frame#headerFields() header fields}, a bulk
     * string's bytes the payload (empty for the other elements). A plain message is a bulk string:
     * {@code $5\r\nhello\r\n}.
     */
    public static Framer resp() {
        return resp(FrameLimits.DEFAULT_MAX_FRAME_LENGTH);
    }

    /**
     * {@return RESP frames of at most {@code maxFrameLength} bytes; see {@link #resp()}}
     * @param maxFrameLength 1 to 1 GiB (2<sup>30</sup>)
     */
    public static Framer resp(int maxFrameLength) {
        return new ControlLineFramer(ControlLineRule.RESP, maxFrameLength);
    }

    /**
     * {@return the NATS client protocol, one operation per frame, at most 1 MiB (NATS's own
     * {@code max_payload})} Its line is the frame's {@linkplain Frame#headerFields() header fields},
     * the body MSG, HMSG, PUB and HPUB count the payload (empty for INFO, PING, +OK, ...). A plain
     * message is {@code PUB framekit 5\r\nhello\r\n}.
     */
    public static Framer nats() {
        return nats(FrameLimits.DEFAULT_MAX_FRAME_LENGTH);
    }

    /**
     * {@return NATS frames of at most {@code maxFrameLength} bytes; see {@link #nats()}}
     * @param maxFrameLength 1 to 1 GiB (2<sup>30</sup>)
     */
    public static Framer nats(int maxFrameLength) {
        return new ControlLineFramer(ControlLineRule.NATS, maxFrameLength);
    }

    /**
     * {@return syslog over TCP with octet counting (RFC 6587 section 3.4.1), at most 1 MiB}
     * {@code 5 hello}. It cannot carry the empty message.
     */
    public static Framer syslog() {
        return syslog(FrameLimits.DEFAULT_MAX_FRAME_LENGTH);
    }

    /**
     * {@return syslog frames of at most {@code maxFrameLength} bytes; see {@link #syslog()}}
     * @param maxFrameLength 1 to 1 GiB (2<sup>30</sup>)
     */
    public static Framer syslog(int maxFrameLength) {
        return new ControlLineFramer(ControlLineRule.SYSLOG, maxFrameLength);
    }

    /**
     * {@return STOMP 1.2 frames, at most 1 MiB} The head (command, headers, blank line) is the frame's
     * {@linkplain Frame#headerFields() header fields}, the body (counted by {@code content-length}, or
     * ended by NUL) the payload. A plain message is a SEND to {@code /queue/framekit}.
     */
    public static Framer stomp() {
        return StompFramer.DEFAULT;
    }

    /**
     * {@return STOMP frames of at most {@code maxFrameLength} bytes; see {@link #stomp()}}
     * @param maxFrameLength 1 to 1 GiB (2<sup>30</sup>)
     */
    public static Framer stomp(int maxFrameLength) {
        return StompFramer.withMax(maxFrameLength);
    }

    /** {@return netstrings: {@code 12:hello world!,} (decimal length, colon, payload, comma)} */
    public static NetstringFramer netstrings() {
        return NetstringFramer.DEFAULT;
    }

    /**
     * {@return one message per connection, at most 1 MiB, ended by the sender half-closing its output}
     * The receiver reads to the end of the stream; a second message on one connection is refused.
     */
    public static Framer sendAndClose() {
        return SendAndCloseFramer.DEFAULT;
    }

    /**
     * {@return send-and-close messages of up to {@code maxFrameLength} bytes; see {@link #sendAndClose()}}
     * @param maxFrameLength 1 to 1 GiB (2<sup>30</sup>)
     * @throws IllegalArgumentException if {@code maxFrameLength} is out of range
     */
    public static Framer sendAndClose(int maxFrameLength) {
        return SendAndCloseFramer.withMax(maxFrameLength);
    }

    /**
     * {@return frames of exactly {@code length} bytes with nothing around them: a body whose length was
     * announced before it (HTTP's {@code Content-Length})}
     * @param length bytes per frame, 1 to 1 GiB (2<sup>30</sup>)
     * @throws IllegalArgumentException if {@code length} is out of range
     */
    public static Framer exactly(int length) {
        return ExactLengthFramer.of(length);
    }

    /**
     * {@return HTTP/1.1 chunked transfer coding: each message one chunk ({@code 5\r\nhello\r\n}), the
     * body ended by the last chunk {@code 0\r\n\r\n}, after which the decoder is
     * {@linkplain FrameDecoder#isFinished() finished}}
     */
    public static ChunkedFramer chunked() {
        return ChunkedFramer.DEFAULT;
    }

    /**
     * {@return COBS frames, at most 1 MiB} Consistent Overhead Byte Stuffing: the payload rewritten without zero bytes, each frame
     * ended by {@code 0x00}, so a receiver finds the next frame after a damaged one. A damaged
     * frame is reported once ({@link FramingException}) and decoding goes on.
     * <pre>   11 22 00 33   --&gt;   03 11 22 02 33 00</pre>
     */
    public static Framer cobs() {
        return CobsFramer.DEFAULT;
    }

    /**
     * {@return COBS frames of up to {@code maxFrameLength} decoded bytes; see {@link #cobs()}}
     * @param maxFrameLength 1 to 1 GiB (2<sup>30</sup>)
     * @throws IllegalArgumentException if {@code maxFrameLength} is out of range
     */
    public static Framer cobs(int maxFrameLength) {
        return CobsFramer.withMax(maxFrameLength);
    }

    /**
     * {@return SLIP (RFC 1055) frames, at most 1 MiB} Each frame between END bytes ({@code 0xc0}), END and ESC ({@code 0xdb})
     * escaped inside it. It cannot carry the empty message. A damaged frame is reported once
     * ({@link FramingException}) and decoding goes on.
     * <pre>   01 c0 02   --&gt;   c0 01 db dc 02 c0</pre>
     */
    public static Framer slip() {
        return SlipFramer.DEFAULT;
    }

    /**
     * {@return SLIP frames of up to {@code maxFrameLength} decoded bytes; see {@link #slip()}}
     * @param maxFrameLength 1 to 1 GiB (2<sup>30</sup>)
     * @throws IllegalArgumentException if {@code maxFrameLength} is out of range
     */
    public static Framer slip(int maxFrameLength) {
        return SlipFramer.withMax(maxFrameLength);
    }

    /**
     * {@return concatenated JSON texts} Each an object or an array, found by structure (strings and
     * escapes understood), white space between them skipped (so NDJSON reads too); each message
     * sent is one text, as it is. Bounded to 1 MiB and 128 levels of nesting.
     * <pre>   {"a":"}"}   --&gt;   {"a":"}"}</pre>
     */
    public static Framer json() {
        return JsonFramer.CONCATENATED;
    }

    /**
     * {@return concatenated JSON texts with the given limits; see {@link #json()}}
     * @param maxFrameLength the longest text, 1 to 1 GiB (2<sup>30</sup>)
     * @param maxDepth the deepest nesting of objects and arrays, 1 to 65,536
     * @throws IllegalArgumentException if a limit is out of range
     */
    public static Framer json(int maxFrameLength, int maxDepth) {
        return JsonFramer.CONCATENATED.withLimits(maxFrameLength, maxDepth);
    }

    /**
     * {@return JSON text sequences (RFC 7464, {@code application/json-seq})} A record separator
     * ({@code 0x1e}), a JSON text of any kind, a line feed. A damaged text is reported once
     * ({@link FramingException}) and decoding goes on at the next record separator. Bounded to
     * 1 MiB and 128 levels of nesting.
     * <pre>   {"a":1}   --&gt;   1e {"a":1} 0a</pre>
     */
    public static Framer jsonSeq() {
        return JsonFramer.SEQUENCE;
    }

    /**
     * {@return JSON text sequences with the given limits; see {@link #jsonSeq()}}
     * @param maxFrameLength the longest text, 1 to 1 GiB (2<sup>30</sup>)
     * @param maxDepth the deepest nesting of objects and arrays, 1 to 65,536
     * @throws IllegalArgumentException if a limit is out of range
     */
    public static Framer jsonSeq(int maxFrameLength, int maxDepth) {
        return JsonFramer.SEQUENCE.withLimits(maxFrameLength, maxDepth);
    }

    /**
     * {@return frames of {@code inner} that carry the payload and its CRC-32C (4 bytes, big-endian); its
     * maximum is the inner one's less 4 bytes} The checksum is checked on arrival: a frame whose checksum does not match fails the stream with a
     * {@link FramingException} that gives both sums. Wrap a binary-safe framer (a length prefix,
     * netstrings, COBS, SLIP).
     * <pre>   Framers.crc32c(Framers.lengthPrefixed()), "hi"   --&gt;   00 00 00 06 68 69 f5 9d d9 c2</pre>
     * @param inner the framer that frames the payload and its checksum
     * @throws IllegalArgumentException if the inner maximum cannot hold a checksum
     */
    public static Framer crc32c(Framer inner) {
        return new Crc32cFramer(inner, false);
    }

    /**
     * {@return a framer like {@link #crc32c(Framer)} that skips a frame with a bad checksum} The bad
     * frame is reported once, as a {@link FramingException}, and the next read returns the next frame:
     * the inner framer has already found where the bad frame ends.
     * @param inner the framer that frames the payload and its checksum
     * @throws IllegalArgumentException if the inner maximum cannot hold a checksum
     */
    public static Framer crc32cSkippingBadFrames(Framer inner) {
        return new Crc32cFramer(inner, true);
    }
}
