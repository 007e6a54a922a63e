package dev.framekit.demos.options;

import dev.framekit.framing.DelimiterFramer;
import dev.framekit.framing.Framer;
import dev.framekit.framing.Framers;
import dev.framekit.framing.LengthField;
import dev.framekit.framing.LengthPrefixFramer;
import dev.framekit.framing.OversizePolicy;
import dev.framekit.framing.websocket.WebSocketFramer;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * Every framing the demos offer, by its {@code --framing} name: the one registry. Each constant
 * builds its framer from {@link FramingSettings} and says which of those settings it uses. Every
 * command, {@code compare}, {@code bench}, {@code load}, the {@code --framing} completion
 * candidates and the help text read this list. <b>To add a framing, add a constant here</b>;
 * nothing else names the framings.
 */
public enum Framing {
    /** Fixed-length padded frames: {@code --frame-size} bytes, padded with {@code --pad}. */
    FIXED("fixed", "--frame-size", "--pad") {
        @Override
        public Framer build(FramingSettings settings) {
            if (settings.frameSize() > settings.maxFrame()) {
                throw new IllegalArgumentException("--frame-size " + settings.frameSize() + " is over --max-frame "
                        + settings.maxFrame());
            }
            return Framers.fixedLength(settings.frameSize()).pad(settings.padByte());
        }

        @Override
        String settingsAsArguments(FramingSettings settings) {
            return " --frame-size " + settings.frameSize() + " --pad '" + settings.pad() + "'";
        }

        @Override
        Map<String, String> libraryNames() {
            return Map.of("frameSize", "--frame-size");
        }
    },
    /**
     * Delimited frames, split once at the first {@code --delimiter} (or {@code --also-delimiter}),
     * the delimiter kept with {@code --keep-delimiter}, the bytes after the last one a frame at
     * the end with {@code --last-frame-at-end}.
     */
    DELIMITER("delimiter", "--delimiter", "--also-delimiter", "--keep-delimiter", "--last-frame-at-end") {
        @Override
        public Framer build(FramingSettings settings) {
            List<String> all = settings.alsoDelimiters().isEmpty() ? null : settings.allDelimiters();
            DelimiterFramer framer = all == null ? Framers.delimiter(settings.delimiterBytes())
                    : Framers.delimiters(all.get(0), all.subList(1, all.size()).toArray(String[]::new));
            framer = settings.keepDelimiter() ? framer.keepDelimiter() : framer;
            framer = settings.lastFrameAtEnd() ? framer.lastFrameAtEndOfStream() : framer;
            return framer.withMaxFrameLength(settings.maxFrame());
        }

        @Override
        String settingsAsArguments(FramingSettings settings) {
            return " --delimiter '" + settings.delimiter() + "'" + settings.lineArguments()
                    + super.settingsAsArguments(settings);
        }

        @Override
        Map<String, String> libraryNames() {
            return Map.of("keepDelimiter", "--keep-delimiter", "lastFrameAtEndOfStream", "--last-frame-at-end");
        }

        @Override
        public boolean speaksLines() {
            return true;
        }
    },
    /** A length prefix: --length-field after --length-offset header bytes, adjusted or counting them; --on-oversize. */
    LENGTH("length", "--length-field", "--length-includes-header", "--on-oversize", "--length-offset",
            "--length-adjust") {
        @Override
        public Framer build(FramingSettings settings) {
            LengthField field = settings.lengthFieldParsed();
            LengthPrefixFramer.Builder builder = LengthPrefixFramer.builder().lengthField(field)
                    .onOversize(settings.oversizePolicy()).lengthFieldOffset(settings.lengthOffset())
                    .lengthAdjustment(settings.lengthAdjust());
            if (settings.lengthIncludesHeader()) {
                builder.lengthIncludesHeader();
            }
            // The default --max-frame (1 MiB) gives way to a narrower field's capacity (255 for u8).
            if (settings.maxFrame() != FramingSettings.DEFAULT_MAX_FRAME) {
                builder.maxFrameLength(settings.maxFrame());
            }
            try {
                return builder.build();
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--length-field " + field + headerArguments(settings)
                        + " --max-frame " + ByteSizes.format(settings.maxFrame()) + ": " + e.getMessage());
            }
        }

        @Override
        String settingsAsArguments(FramingSettings settings) {
            return (settings.lengthField().equals(LengthField.DEFAULT.toString()) ? ""
                    : " --length-field " + settings.lengthField()) + headerArguments(settings)
                    + (settings.oversizePolicy() == OversizePolicy.SKIP ? " --on-oversize skip" : "")
                    + super.settingsAsArguments(settings);
        }

        private static String headerArguments(FramingSettings s) {
            return (s.lengthOffset() == 0 ? "" : " --length-offset " + s.lengthOffset()) + (s.lengthAdjust() == 0 ? ""
                    : " --length-adjust " + s.lengthAdjust()) + (s.lengthIncludesHeader() ? " --length-includes-header" : "");
        }

        @Override
        Map<String, String> libraryNames() {
            return Map.of("lengthIncludesHeader", "--length-includes-header", "lengthFieldOffset", "--length-offset",
                    "lengthAdjustment", "--length-adjust");
        }
    },
    /** MQTT control packets: a type+flags byte, kept, then the remaining length (1-4 byte varint). */
    MQTT("mqtt", max -> Framers.mqtt().withMaxFrameLength(max)),
    /** gRPC Length-Prefixed-Messages: a Compressed-Flag byte (0 or 1), kept, then a 4-byte length. */
    GRPC("grpc", max -> Framers.grpc().withMaxFrameLength(max)),
    /** ZeroMQ ZMTP 3.x frames: a flags byte (MORE, LONG, COMMAND), kept, then a 1- or 8-byte size. */
    ZMTP("zmtp", Framers::zmtp),
    /** Redis RESP: one element per frame, its line ({@code $5}, {@code +OK}) kept, a bulk string's bytes the payload. */
    RESP("resp", Framers::resp),
    /** NATS: one operation per frame, its line kept, the body of MSG, HMSG, PUB and HPUB the payload. */
    NATS("nats", Framers::nats),
    /** Syslog over TCP with octet counting (RFC 6587): {@code 5 hello}. */
    SYSLOG("syslog", Framers::syslog),
    /** STOMP 1.2 frames: the head kept, the body counted by content-length or ended by NUL. */
    STOMP("stomp", Framers::stomp),
    /** Netstrings: {@code 12:hello world!,}. */
    NETSTRING("netstring", max -> Framers.netstrings().withMaxFrameLength(max)),
    /**
     * HTTP/1.1 chunked transfer coding: each message one chunk ({@code HEX-SIZE CRLF data CRLF});
     * a chunk of size 0 would end the body, so an empty message is refused.
     */
    CHUNKED("chunked", max -> Framers.chunked().withMaxFrameLength(max)),
    /**
     * WebSocket frames (RFC 6455) without the HTTP handshake: each message one binary frame, masked
     * by the client's end (a fresh key per frame), unmasked by the server's, each end refusing
     * the other's mask rule. The two ends differ, so every command builds the framer for its side
     * ({@link #build(FramingSettings, Side)}).
     */
    WEBSOCKET("websocket") {
        /** The server's end: what a framer for either end would be asked for without a side. */
        @Override
        public Framer build(FramingSettings settings) {
            return build(settings, Side.SERVER);
        }

        @Override
        public Framer build(FramingSettings settings, Side side) {
            WebSocketFramer framer = side == Side.CLIENT ? WebSocketFramer.client() : WebSocketFramer.server();
            return framer.withMaxFrameLength(settings.maxFrame()).withMaxMessageLength(settings.maxFrame());
        }
    },
    /** COBS: payloads rewritten without zero bytes, each frame ended by 0x00; a damaged frame is reported, the next read. */
    COBS("cobs", Framers::cobs),
    /** SLIP (RFC 1055): frames between END bytes (0xc0), END and ESC escaped; the empty message cannot be sent. */
    SLIP("slip", Framers::slip),
    /** Concatenated JSON texts (objects and arrays), found by structure; white space between them skipped. */
    JSON("json", max -> Framers.json(max, Framing.JSON_DEPTH)),
    /** JSON text sequences (RFC 7464): a record separator (0x1e), a JSON text, a line feed. */
    JSON_SEQ("json-seq", max -> Framers.jsonSeq(max, Framing.JSON_DEPTH)),
    /** One message per connection, ended by a half-close. */
    CLOSE("close") {
        @Override
        public Framer build(FramingSettings settings) {
            return Framers.sendAndClose(settings.maxFrame());
        }

        @Override
        public boolean connectionPerExchange() {
            return true;
        }
    };

    /** The deepest nesting the JSON framings accept: the library's default, 128 levels. */
    static final int JSON_DEPTH = 128;

    private final String name;
    private final List<String> ownOptions;
    private final IntFunction<Framer> withMax;

    /** A framing called {@code name} whose own settings are {@code ownOptions} (none for most). */
    Framing(String name, String... ownOptions) {
        this(name, null, ownOptions);
    }

    /** A framing whose only setting is {@code --max-frame}, given to {@code withMax} for its framer. */
    Framing(String name, IntFunction<Framer> withMax, String... ownOptions) {
        this.name = name;
        this.ownOptions = List.of(ownOptions);
        this.withMax = withMax;
    }

    /**
     * The options that set this framing's own settings, e.g. {@code --frame-size} and
     * {@code --pad} for fixed. Given with another framing they would be ignored, so they are a
     * usage error there ({@link FramingOptions#framer(picocli.CommandLine.Model.CommandSpec)}).
     * Options every framing reads, such as {@code --max-frame}, belong to none.
     */
    public List<String> ownOptions() {
        return ownOptions;
    }

    /**
     * The library's names for this framing's settings, by the option that sets each, e.g.
     * {@code frameSize} is {@code --frame-size}: a library message shown on the command line names
     * the option instead ({@link OptionTerms}).
     */
    Map<String, String> libraryNames() {
        return Map.of();
    }

    /** The end of a connection a framer is for: the one that connected, or the one that accepted. */
    public enum Side { CLIENT, SERVER }

    /**
     * The framer {@code settings} describe, for either end of a connection (for
     * {@link #WEBSOCKET}, whose ends differ, the server's).
     *
     * @throws IllegalArgumentException naming the option, for a bad combination of settings
     */
    public Framer build(FramingSettings settings) {
        return withMax.apply(settings.maxFrame());
    }

    /**
     * The framer {@code settings} describe, for the {@code side} end of a connection: the same
     * framer on both sides for every framing but {@link #WEBSOCKET}.
     *
     * @throws IllegalArgumentException naming the option, for a bad combination of settings
     */
    public Framer build(FramingSettings settings, Side side) {
        return build(settings);
    }

    /** A framer with the default settings, able to carry messages of {@code size} bytes (compare, bench). */
    public Framer forMessages(int size) {
        return forMessages(size, Side.SERVER);
    }

    /** A framer for the {@code side} end with the default settings, able to carry messages of {@code size} bytes. */
    public Framer forMessages(int size, Side side) {
        return build(FramingSettings.forMessages(size), side);
    }

    /** This framing's settings as they would be typed after {@code --framing NAME}; by default only --max-frame. */
    String settingsAsArguments(FramingSettings settings) {
        return settings.maxFrame() == FramingSettings.DEFAULT_MAX_FRAME ? ""
                : " --max-frame " + ByteSizes.format(settings.maxFrame());
    }

    /** Whether frames carry header fields (a type, a line) that a server's answer writes back with write(Frame). */
    public boolean keepsHeaderFields(FramingSettings settings) {
        return this == LENGTH ? settings.lengthOffset() > 0 : List.of(MQTT, GRPC, ZMTP, RESP, NATS, STOMP).contains(this);
    }

    /** Whether a line client such as {@code nc} speaks this framing (the start-up banner says so). */
    public boolean speaksLines() {
        return false;
    }

    /**
     * Whether each exchange (one request, one reply) needs a connection of its own: the
     * lifecycle the commands follow for this framing. A client then makes each request with
     * {@code FramedConnection.exchange} on a fresh connection, and a server answers it with
     * {@code sendLast}; otherwise one connection carries any number of messages. The framer
     * itself is not asked: its encoder enforces the rule, the command chooses the lifecycle.
     */
    public boolean connectionPerExchange() {
        return false;
    }

    /**
     * The framing of a name {@code compare} accepts: a framing, or {@code length:SPEC}.
     *
     * @throws IllegalArgumentException naming the choices
     */
    public static Framing ofComparedName(String name) {
        return isLengthFieldRow(name) ? LENGTH : named(name);
    }

    /**
     * A framer for the {@code side} end with the default settings for messages of {@code size}
     * bytes, for a name {@code compare} accepts: a framing, or {@code length:SPEC} for a length field.
     *
     * @throws IllegalArgumentException naming the choices, for an unknown name or spec
     */
    public static Framer forMessages(String name, int size, Side side) {
        String trimmed = name.trim();
        if (isLengthFieldRow(trimmed)) {
            String spec = trimmed.substring(LENGTH.name.length() + 1);
            return LENGTH.build(FramingSettings.forMessages(size).withLengthField(spec));
        }
        return named(trimmed).forMessages(size, side);
    }

    private static boolean isLengthFieldRow(String name) {
        String prefix = LENGTH.name + ":";
        return name.trim().regionMatches(true, 0, prefix, 0, prefix.length());
    }

    /** The command-line name, e.g. {@code length} or {@code json-seq}. */
    @Override
    public String toString() {
        return name;
    }

    /** Every framing's name, in order. */
    public static List<String> names() {
        return Arrays.stream(values()).map(Framing::toString).toList();
    }

    /**
     * The framing called {@code name}, ignoring case.
     *
     * @throws IllegalArgumentException naming the choices
     */
    public static Framing named(String name) {
        for (Framing framing : values()) {
            if (framing.name.equalsIgnoreCase(name.trim())) {
                return framing;
            }
        }
        throw new IllegalArgumentException("'" + name + "' is not a framing; choose " + choices());
    }

    /** "fixed, delimiter, length or close". */
    static String choices() {
        List<String> names = names();
        return String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
    }

    /** The --framing completion candidates; the help lists them through ${COMPLETION-CANDIDATES}. */
    public static final class Names implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return names().iterator();
        }
    }
}
