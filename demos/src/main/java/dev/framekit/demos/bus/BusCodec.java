package dev.framekit.demos.bus;

import dev.framekit.demos.chat.room.Names;
import dev.framekit.demos.chat.room.RoomEvent;
import dev.framekit.demos.chat.room.SafeText;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The text form of a {@link BusMessage}: UTF-8 lines joined by {@code \n}, a version line, the
 * origin, the sequence number, the kind, then the kind's fields, one a line. Every text is already
 * {@linkplain SafeText#clean safe} (it has no line feed), so a field is exactly one line.
 *
 * <pre>
 * framekit-bus 1          version
 * 3f9c0a61d2e4            origin: 12 hex digits, random per run of a server
 * 42                      sequence: 1, 2, 3 ... per origin
 * said                    kind, then its fields:
 * alice                     said NAME TEXT, acted NAME ACTION, joined NAME, left NAME REASON,
 * hello there               renamed OLD NEW, private FROM TO TEXT, here SERVER NAME..., bye SERVER
 * </pre>
 *
 * <p>{@link #decode} trusts nothing: a message over {@value #MAX_BYTES} bytes, not UTF-8, of
 * another version or kind, with a field missing or left over, a name that is no {@linkplain Names
 * valid name} or a text that is not safe is refused with a {@link MalformedBusMessageException}.
 */
public final class BusCodec {
    /** The version line. */
    public static final String VERSION = "framekit-bus 1";

    /** The largest message: 256 KiB. */
    public static final int MAX_BYTES = 256 * 1024;

    /** The longest line of chat the bus carries, in UTF-8 bytes: room for the header below {@link #MAX_BYTES}. */
    public static final int MAX_TEXT = MAX_BYTES - 1024;

    private static final Pattern ORIGIN = Pattern.compile("[0-9a-f]{12}");
    private static final Pattern SERVER = Pattern.compile("[A-Za-z0-9._:\\[\\]-]{1,100}");
    private static final Pattern SEQUENCE = Pattern.compile("[1-9][0-9]{0,17}");

    private BusCodec() {}

    /** The message as bytes. */
    public static byte[] encode(BusMessage message) {
        List<String> lines = new ArrayList<>(List.of(VERSION, message.origin(), Long.toString(message.sequence())));
        switch (message.content()) {
            case BusMessage.Here here -> {
                lines.addAll(List.of("here", here.server()));
                lines.addAll(here.names());
            }
            case BusMessage.Bye bye -> lines.addAll(List.of("bye", bye.server()));
            case BusMessage.Event event -> lines.addAll(switch (event.event()) {
                case RoomEvent.Said said -> List.of("said", said.name(), said.text());
                case RoomEvent.Acted acted -> List.of("acted", acted.name(), acted.action());
                case RoomEvent.Joined joined -> List.of("joined", joined.name());
                case RoomEvent.Left left -> List.of("left", left.name(), left.reason());
                case RoomEvent.Renamed renamed -> List.of("renamed", renamed.old(), renamed.name());
                case RoomEvent.Private pm -> List.of("private", pm.from(), pm.to(), pm.text());
            });
        }
        for (String line : lines) {
            if (line.indexOf('\n') >= 0) {
                throw new IllegalArgumentException("a bus message field holds a line feed: " + line);
            }
        }
        return String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
    }

    /** The message {@code bytes} hold; see the class comment for what is refused. */
    public static BusMessage decode(byte[] bytes) throws MalformedBusMessageException {
        if (bytes.length > MAX_BYTES) {
            throw new MalformedBusMessageException(bytes.length + " bytes, over the " + MAX_BYTES + " a bus message may have");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new MalformedBusMessageException("not UTF-8");
        }
        List<String> lines = Arrays.asList(text.split("\n", -1));
        if (lines.size() < 4 || !lines.get(0).equals(VERSION)) {
            throw new MalformedBusMessageException("not a " + VERSION + " message");
        }
        String origin = check(lines.get(1), ORIGIN, "origin");
        long sequence = Long.parseLong(check(lines.get(2), SEQUENCE, "sequence number"));
        List<String> fields = lines.subList(4, lines.size());
        String kind = lines.get(3);
        BusMessage.Content content = switch (kind) {
            case "here" -> here(fields);
            case "bye" -> new BusMessage.Bye(check(one(fields, kind), SERVER, "server"));
            default -> new BusMessage.Event(event(kind, fields));
        };
        return new BusMessage(origin, sequence, content);
    }

    private static RoomEvent event(String kind, List<String> f) throws MalformedBusMessageException {
        return switch (kind) {
            case "said" -> new RoomEvent.Said(name(count(f, 2, kind).get(0)), text(f.get(1), false));
            case "acted" -> new RoomEvent.Acted(name(count(f, 2, kind).get(0)), text(f.get(1), false));
            case "joined" -> new RoomEvent.Joined(name(one(f, kind)));
            case "left" -> new RoomEvent.Left(name(count(f, 2, kind).get(0)), text(f.get(1), true));
            case "renamed" -> new RoomEvent.Renamed(name(count(f, 2, kind).get(0)), name(f.get(1)));
            case "private" -> new RoomEvent.Private(name(count(f, 3, kind).get(0)), name(f.get(1)), text(f.get(2), false));
            default -> throw new MalformedBusMessageException("unknown kind " + preview(kind));
        };
    }

    private static BusMessage.Here here(List<String> fields) throws MalformedBusMessageException {
        if (fields.isEmpty()) {
            throw new MalformedBusMessageException("here: no server");
        }
        Set<String> seen = new HashSet<>();
        for (String name : fields.subList(1, fields.size())) {
            if (!seen.add(name(name).toLowerCase(Locale.ROOT))) {
                throw new MalformedBusMessageException("here: " + name + " twice");
            }
        }
        return new BusMessage.Here(check(fields.get(0), SERVER, "server"), fields.subList(1, fields.size()));
    }

    private static List<String> count(List<String> fields, int count, String kind) throws MalformedBusMessageException {
        if (fields.size() != count) {
            throw new MalformedBusMessageException(kind + ": " + fields.size() + " field(s), expected " + count);
        }
        return fields;
    }

    private static String one(List<String> fields, String kind) throws MalformedBusMessageException {
        return count(fields, 1, kind).get(0);
    }

    private static String name(String name) throws MalformedBusMessageException {
        if (!Names.isValid(name)) {
            throw new MalformedBusMessageException("not a valid name: " + preview(name));
        }
        return name;
    }

    private static String text(String text, boolean mayBeEmpty) throws MalformedBusMessageException {
        if (!SafeText.isClean(text)) {
            throw new MalformedBusMessageException("a text that is not safe to print: " + preview(text));
        }
        if (text.isEmpty() && !mayBeEmpty) {
            throw new MalformedBusMessageException("an empty text");
        }
        return text;
    }

    private static String check(String field, Pattern pattern, String what) throws MalformedBusMessageException {
        if (!pattern.matcher(field).matches()) {
            throw new MalformedBusMessageException("not a valid " + what + ": " + preview(field));
        }
        return field;
    }

    /** At most 40 characters of {@code text}, made safe, for a log line. */
    private static String preview(String text) {
        String safe = SafeText.clean(text);
        return "'" + (safe.length() > 40 ? safe.substring(0, 40) + "..." : safe) + "'";
    }
}
