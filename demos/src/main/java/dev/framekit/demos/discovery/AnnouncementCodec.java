package dev.framekit.demos.discovery;

import static dev.framekit.demos.discovery.MalformedAnnouncementException.Kind.BAD_FIELD;
import static dev.framekit.demos.discovery.MalformedAnnouncementException.Kind.NOT_AN_ANNOUNCEMENT;
import static dev.framekit.demos.discovery.MalformedAnnouncementException.Kind.OVERSIZED;
import static dev.framekit.demos.discovery.MalformedAnnouncementException.Kind.WRONG_VERSION;

import dev.framekit.demos.options.Framing;
import dev.framekit.demos.options.FramingSettings;
import dev.framekit.demos.tls.Fingerprint;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The announcement datagram: printable ASCII lines, a magic and version first, then one
 * {@code key=value} per field, every {@link FramingSettings} component by its name:
 *
 * <pre>
 * framekit-chat/1
 * name=alice-laptop
 * port=7342
 * framing=delimiter
 * framer=delimiter("\n", max 1048576 bytes)
 * frameSize=256
 * pad=\0
 * delimiter=\n
 * maxFrame=1048576
 * ...
 * crc32c=true                     (with --crc32c only)
 * fingerprint=AB:CD:...:EF        (with TLS only)
 * web=http://192.168.1.20:8080/   (with --web-port only)
 * </pre>
 *
 * <p>A datagram is at most {@link #MAX_BYTES}. {@link #decode} trusts nothing: a datagram over
 * that size, not ASCII, with a control character, another magic or version, an unknown or repeated
 * key, a port out of range, an unknown framing, settings the framing refuses, or a frame limit
 * over {@link #MAX_FRAME} (a buffer a client should not be talked into), or a framer description other than
 * what the framing and settings build (a server whose framer is more than they say) is a
 * {@link MalformedAnnouncementException}, never another framing. A setting the datagram leaves out
 * takes its default, so an older server's announcement still reads.
 */
public final class AnnouncementCodec {
    /** The largest datagram sent or read: well inside one Ethernet frame. */
    public static final int MAX_BYTES = 1200;

    /** The largest --max-frame a client takes from an announcement: 16 MiB. */
    public static final int MAX_FRAME = 16 << 20;

    /** The first line of an announcement, before its version. */
    static final String MAGIC = "framekit-chat/";

    /** The version this codec writes and reads. */
    public static final int VERSION = 1;

    /** The datagram a client sends to ask every server to announce itself now. */
    public static final String QUERY = "framekit-chat-query/" + VERSION;

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 ._-]{0,62}");
    private static final Pattern PORT = Pattern.compile("[1-9][0-9]{0,4}");
    private static final Pattern INTEGER = Pattern.compile("-?[0-9]{1,9}");
    private static final Pattern URL = Pattern.compile("https?://[!-~]{1,200}");
    private static final int MAX_SETTING_CHARS = 64;
    private static final int MAX_FRAMER_CHARS = 200;
    private static final RecordComponent[] SETTINGS = FramingSettings.class.getRecordComponents();

    private AnnouncementCodec() {}

    /** Writes {@code announcement} as a datagram, saying its framer is the one its framing and settings build. */
    public static byte[] encode(Announcement announcement) {
        return encode(announcement, announcement.serverFramer());
    }

    /**
     * Writes {@code announcement} as a datagram for a server whose framer describes itself as
     * {@code serverFramer}: a client that would build another framer from the framing and
     * settings ignores it.
     */
    public static byte[] encode(Announcement announcement, String serverFramer) {
        StringBuilder text = new StringBuilder(MAGIC).append(VERSION).append('\n');
        field(text, "name", announcement.name());
        field(text, "port", Integer.toString(announcement.port()));
        field(text, "framing", announcement.framing().toString());
        field(text, "framer", printable(serverFramer));
        for (RecordComponent component : SETTINGS) {
            field(text, component.getName(), String.valueOf(valueOf(component, announcement.settings())));
        }
        if (announcement.crc32c()) {
            field(text, "crc32c", "true");
        }
        if (announcement.fingerprint() != null) {
            field(text, "fingerprint", announcement.fingerprint().toString());
        }
        if (announcement.webUrl() != null) {
            field(text, "web", announcement.webUrl());
        }
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        if (bytes.length > MAX_BYTES) {
            throw new IllegalArgumentException("announcement of " + bytes.length + " bytes is over " + MAX_BYTES);
        }
        return bytes;
    }

    private static void field(StringBuilder text, String key, String value) {
        text.append(key).append('=').append(value).append('\n');
    }

    /**
     * Reads the announcement in {@code length} bytes of {@code datagram}.
     *
     * @throws MalformedAnnouncementException saying what is wrong, for anything but a valid announcement
     */
    public static Announcement decode(byte[] datagram, int length) throws MalformedAnnouncementException {
        if (length > MAX_BYTES) {
            throw new MalformedAnnouncementException(OVERSIZED, length + " bytes, over " + MAX_BYTES);
        }
        for (int i = 0; i < length; i++) {
            byte b = datagram[i];
            if ((b < 0x20 || b > 0x7e) && b != '\n') {
                throw new MalformedAnnouncementException(i < MAGIC.length() ? NOT_AN_ANNOUNCEMENT : BAD_FIELD,
                        String.format("byte 0x%02x at %d is not printable ASCII", b & 0xff, i));
            }
        }
        String[] lines = new String(datagram, 0, length, StandardCharsets.US_ASCII).split("\n", -1);
        checkMagic(lines[0]);
        Map<String, String> fields = new HashMap<>();
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].isEmpty() && i == lines.length - 1) {
                break; // the newline that ends the last field
            }
            int equals = lines[i].indexOf('=');
            if (equals <= 0) {
                throw bad("line " + (i + 1) + " is not key=value");
            }
            String key = lines[i].substring(0, equals);
            if (fields.put(key, lines[i].substring(equals + 1)) != null) {
                throw bad("'" + key + "' given twice");
            }
        }
        return read(fields);
    }

    private static void checkMagic(String first) throws MalformedAnnouncementException {
        if (!first.startsWith(MAGIC)) {
            throw new MalformedAnnouncementException(NOT_AN_ANNOUNCEMENT, "no framekit-chat magic");
        }
        if (!first.equals(MAGIC + VERSION)) {
            throw new MalformedAnnouncementException(WRONG_VERSION, "version '"
                    + first.substring(MAGIC.length()) + "', this client reads " + VERSION);
        }
    }

    private static Announcement read(Map<String, String> fields) throws MalformedAnnouncementException {
        String name = required(fields, "name");
        if (!NAME.matcher(name).matches()) {
            throw bad("name '" + name + "' is not 1 to 63 letters, digits, spaces, '.', '_' or '-'");
        }
        String portText = required(fields, "port");
        int port = PORT.matcher(portText).matches() ? Integer.parseInt(portText) : 0;
        if (port < 1 || port > 65535) {
            throw bad("port '" + portText + "' is not 1 to 65535");
        }
        Framing framing;
        try {
            framing = Framing.named(required(fields, "framing"));
        } catch (IllegalArgumentException e) {
            throw bad("unknown framing '" + fields.get("framing") + "'");
        }
        FramingSettings settings = settings(fields);
        if (settings.maxFrame() > MAX_FRAME || settings.maxFrame() < 1) {
            throw bad("maxFrame " + settings.maxFrame() + " is not 1 to " + MAX_FRAME);
        }
        try {
            framing.build(settings, Framing.Side.CLIENT);
        } catch (RuntimeException e) {
            throw bad("framing " + framing + " refuses the settings: " + e.getMessage());
        }
        String crc32cText = fields.remove("crc32c");
        if (crc32cText != null && !crc32cText.equals("true") && !crc32cText.equals("false")) {
            throw bad("crc32c '" + crc32cText + "' is not true or false");
        }
        boolean crc32c = Boolean.parseBoolean(crc32cText);
        String framer = required(fields, "framer");
        String built = new Announcement(name, port, framing, settings, crc32c, null, null).serverFramer();
        if (!framer.equals(built)) {
            throw bad("the server runs " + framer + ", not the " + built + " its framing and settings make");
        }
        Fingerprint fingerprint = null;
        String fingerprintText = fields.remove("fingerprint");
        if (fingerprintText != null) {
            try {
                fingerprint = Fingerprint.parse(fingerprintText);
            } catch (IllegalArgumentException e) {
                throw bad("fingerprint: " + e.getMessage());
            }
        }
        String web = fields.remove("web");
        if (web != null && !URL.matcher(web).matches()) {
            throw bad("web '" + web + "' is not an http or https URL");
        }
        if (!fields.isEmpty()) {
            throw bad("unknown field '" + fields.keySet().iterator().next() + "'");
        }
        return new Announcement(name, port, framing, settings, crc32c, fingerprint, web);
    }

    /** The settings the fields give, each component by its name, its default where the datagram leaves it out. */
    private static FramingSettings settings(Map<String, String> fields) throws MalformedAnnouncementException {
        Object[] values = new Object[SETTINGS.length];
        Class<?>[] types = new Class<?>[SETTINGS.length];
        for (int i = 0; i < SETTINGS.length; i++) {
            RecordComponent component = SETTINGS[i];
            types[i] = component.getType();
            String text = fields.remove(component.getName());
            values[i] = text == null ? valueOf(component, FramingSettings.DEFAULTS) : parse(component, text);
        }
        try {
            return FramingSettings.class.getDeclaredConstructor(types).newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("FramingSettings has no canonical constructor", e);
        }
    }

    private static Object parse(RecordComponent component, String text) throws MalformedAnnouncementException {
        String key = component.getName();
        Class<?> type = component.getType();
        if (type == int.class) {
            int value = INTEGER.matcher(text).matches() ? Integer.parseInt(text) : Integer.MAX_VALUE;
            if (Math.abs((long) value) > MAX_FRAME) {
                throw bad(key + " '" + text + "' is not a number within " + MAX_FRAME);
            }
            return value;
        }
        if (type == boolean.class) {
            if (!text.equals("true") && !text.equals("false")) {
                throw bad(key + " '" + text + "' is not true or false");
            }
            return Boolean.parseBoolean(text);
        }
        if (type == String.class) {
            if (text.length() > MAX_SETTING_CHARS) {
                throw bad(key + " is over " + MAX_SETTING_CHARS + " characters");
            }
            return text;
        }
        throw new IllegalStateException("FramingSettings." + key + " is a " + type + ", which announcements cannot carry");
    }

    private static Object valueOf(RecordComponent component, FramingSettings settings) {
        try {
            return component.getAccessor().invoke(settings);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read FramingSettings." + component.getName(), e);
        }
    }

    /** {@code text} in printable ASCII (anything else a {@code ?}), at most 200 characters: a framer's description. */
    static String printable(String text) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length() && out.length() < MAX_FRAMER_CHARS; i++) {
            char c = text.charAt(i);
            out.append(c >= 0x20 && c <= 0x7e ? c : '?');
        }
        return out.toString();
    }

    private static String required(Map<String, String> fields, String key) throws MalformedAnnouncementException {
        String value = fields.remove(key);
        if (value == null) {
            throw bad("no '" + key + "'");
        }
        return value;
    }

    private static MalformedAnnouncementException bad(String message) {
        return new MalformedAnnouncementException(BAD_FIELD, message);
    }
}
