package dev.framekit.demos.chat;

import dev.framekit.demos.console.JsonText;
import dev.framekit.demos.options.Framing;
import dev.framekit.framing.FrameDecoder;
import dev.framekit.framing.FrameEncoder;
import dev.framekit.framing.Framer;
import dev.framekit.framing.FramingException;
import dev.framekit.framing.ForwardingFramer;
import dev.framekit.framing.MessageRefusedException;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;

/**
 * Chat lines on the JSON framings, which carry only JSON texts: each line travels as a JSON array
 * holding one string, as {@code compare} and {@code load} send their messages there, and comes
 * out as the line again. A peer in any language writes {@code json.dumps([line])}.
 *
 * <pre>
 *   &lt;alice&gt; say "hi"   --json--&gt;   ["&lt;alice&gt; say \"hi\""]        --json-seq--&gt;   1e ["..."] 0a
 * </pre>
 *
 * <p>A text that is not an array of one string ({@code {"a":1}}, {@code [1]}) fails the connection
 * like any frame that does not fit the framing. The announcement and the banner name the JSON
 * framer itself: this wrapping is the chat's, on both ends.
 */
final class JsonLineFramer extends ForwardingFramer {
    private JsonLineFramer(Framer json) {
        super(json);
    }

    /** {@code framer} for chat lines: wrapped on {@code json} and {@code json-seq}, as it is on every other framing. */
    static Framer forChat(Framing framing, Framer framer) {
        return framing == Framing.JSON || framing == Framing.JSON_SEQ ? new JsonLineFramer(framer) : framer;
    }

    @Override
    public FrameEncoder newEncoder() {
        FrameEncoder json = delegate().newEncoder();
        return new FrameEncoder() {
            @Override
            public MessageRefusedException check(ByteBuf message) {
                return json.check(Unpooled.wrappedBuffer(wrap(message)));
            }

            @Override
            public int overhead(int payloadLength) {
                return json.overhead(payloadLength) + 4 + 5 * payloadLength; // [" "], and a six-byte escape for every byte at worst
            }

            @Override
            public void writeHeader(int payloadLength, ByteBuf out) {
                json.writeHeader(payloadLength, out); // RS for json-seq, nothing for json: no length in either
            }

            @Override
            public void writePayload(ByteBuf message, ByteBuf out) {
                json.writePayload(Unpooled.wrappedBuffer(wrap(message)), out);
            }

            @Override
            public boolean sendsPayloadUnchanged() {
                return false;
            }

            @Override
            public void writeTrailer(int payloadLength, ByteBuf out) {
                json.writeTrailer(payloadLength, out);
            }
        };
    }

    @Override
    public FrameDecoder newDecoder() {
        FrameDecoder json = delegate().newDecoder();
        return new FrameDecoder() {
            @Override
            public ByteBuf decode(ByteBuf in, boolean endOfStream) throws FramingException {
                ByteBuf text = json.decode(in, endOfStream);
                if (text == null) {
                    return null;
                }
                try {
                    return Unpooled.wrappedBuffer(unwrap(text.toString(StandardCharsets.UTF_8))
                            .getBytes(StandardCharsets.UTF_8));
                } finally {
                    text.release();
                }
            }

            @Override
            public int heldCapacity() {
                return json.heldCapacity();
            }
        };
    }

    /** {@code ["line"]}: the line's text as a JSON string inside an array. */
    static byte[] wrap(ByteBuf message) {
        String line = message.toString(message.readerIndex(), message.readableBytes(), StandardCharsets.UTF_8);
        return ("[" + JsonText.quote(line) + "]").getBytes(StandardCharsets.UTF_8);
    }

    /** The string inside {@code ["..."]}; anything else is a FramingException that shows the text's start. */
    static String unwrap(String text) throws FramingException {
        int at = skipSpace(text, 0);
        if (at >= text.length() || text.charAt(at) != '[') {
            throw notALine(text);
        }
        at = skipSpace(text, at + 1);
        if (at >= text.length() || text.charAt(at) != '"') {
            throw notALine(text);
        }
        StringBuilder line = new StringBuilder();
        at++;
        while (true) {
            if (at >= text.length()) {
                throw notALine(text);
            }
            char c = text.charAt(at++);
            if (c == '"') {
                break;
            }
            if (c != '\\') {
                line.append(c);
                continue;
            }
            if (at >= text.length()) {
                throw notALine(text);
            }
            char escaped = text.charAt(at++);
            switch (escaped) {
                case '"', '\\', '/' -> line.append(escaped);
                case 'b' -> line.append('\b');
                case 'f' -> line.append('\f');
                case 'n' -> line.append('\n');
                case 'r' -> line.append('\r');
                case 't' -> line.append('\t');
                case 'u' -> {
                    if (at + 4 > text.length()) {
                        throw notALine(text);
                    }
                    try {
                        line.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
                    } catch (NumberFormatException e) {
                        throw notALine(text);
                    }
                    at += 4;
                }
                default -> throw notALine(text);
            }
        }
        at = skipSpace(text, at);
        if (at >= text.length() || text.charAt(at) != ']' || skipSpace(text, at + 1) != text.length()) {
            throw notALine(text);
        }
        return line.toString();
    }

    private static int skipSpace(String text, int at) {
        while (at < text.length() && " \t\r\n".indexOf(text.charAt(at)) >= 0) {
            at++;
        }
        return at;
    }

    private static FramingException notALine(String text) {
        StringBuilder preview = new StringBuilder();
        text.codePoints().limit(32).forEach(c -> preview.appendCodePoint(c < 0x20 || c == 0x7f ? '?' : c));
        return new FramingException("chat on JSON: each message is a JSON array holding one string, [\"like this\"];"
                + " got " + preview + (text.codePointCount(0, text.length()) > 32 ? "..." : ""));
    }
}
