package dev.framekit.demos.discovery;

import static dev.framekit.demos.discovery.MalformedAnnouncementException.Kind.BAD_FIELD;
import static dev.framekit.demos.discovery.MalformedAnnouncementException.Kind.NOT_AN_ANNOUNCEMENT;
import static dev.framekit.demos.discovery.MalformedAnnouncementException.Kind.OVERSIZED;
import static dev.framekit.demos.discovery.MalformedAnnouncementException.Kind.WRONG_VERSION;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.framekit.demos.options.Framing;
import dev.framekit.demos.options.FramingSettings;
import dev.framekit.demos.tls.Fingerprint;
import dev.framekit.demos.options.FramingOptions;
import java.nio.charset.StandardCharsets;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class AnnouncementCodecTest {
    private static final Fingerprint FINGERPRINT = Fingerprint.parse("00112233445566778899aabbccddeeff"
            + "00112233445566778899AABBCCDDEEFF");

    private static Announcement announcement(Framing framing, FramingSettings settings) {
        return new Announcement("alice-laptop", 7342, framing, settings, false, FINGERPRINT, "https://192.168.1.20:8080/");
    }

    private static Announcement decode(String text) throws MalformedAnnouncementException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return AnnouncementCodec.decode(bytes, bytes.length);
    }

    private static String valid() {
        return new String(AnnouncementCodec.encode(announcement(Framing.DELIMITER, FramingSettings.DEFAULTS)),
                StandardCharsets.US_ASCII);
    }

    @ParameterizedTest
    @EnumSource(Framing.class)
    void everyFramingOfTheRegistryRoundTripsWithItsDefaultSettings(Framing framing) throws Exception {
        byte[] datagram = AnnouncementCodec.encode(announcement(framing, FramingSettings.DEFAULTS));
        Announcement back = AnnouncementCodec.decode(datagram, datagram.length);
        assertEquals(announcement(framing, FramingSettings.DEFAULTS), back);
        assertEquals(framing.build(FramingSettings.DEFAULTS, Framing.Side.CLIENT).toString(),
                back.clientFramer().toString());
    }

    /** The framing options as typed: settings built the way the commands build them, whatever settings there are. */
    @Command
    static final class Typed {
        @Mixin
        FramingOptions framing;

        static FramingOptions parse(String... args) {
            Typed typed = new Typed();
            new CommandLine(typed).parseArgs(args);
            return typed.framing;
        }
    }

    static Stream<Arguments> settingsOtherThanTheDefaults() {
        return Stream.of(
                Arguments.of(List.of("--framing", "fixed", "--frame-size", "30", "--pad", "#")),
                Arguments.of(List.of("--framing", "delimiter", "--delimiter", "#*#")),
                Arguments.of(List.of("--framing", "delimiter", "--delimiter", "\\r\\n", "--max-frame", "64k")),
                Arguments.of(List.of("--framing", "length", "--length-field", "u16le", "--length-includes-header",
                        "--max-frame", "65533", "--on-oversize", "skip")),
                Arguments.of(List.of("--framing", "length", "--length-field", "ascii:5")),
                Arguments.of(List.of("--framing", "netstring", "--max-frame", "64k")));
    }

    @ParameterizedTest
    @MethodSource("settingsOtherThanTheDefaults")
    void everySettingRoundTripsSoTheClientBuildsTheServersFramer(List<String> typed) throws Exception {
        FramingOptions options = Typed.parse(typed.toArray(String[]::new));
        FramingSettings settings = options.settings();
        Framing framing = options.framing();
        byte[] datagram = AnnouncementCodec.encode(announcement(framing, settings));
        Announcement back = AnnouncementCodec.decode(datagram, datagram.length);
        assertEquals(settings, back.settings());
        assertEquals(framing.build(settings, Framing.Side.CLIENT).toString(), back.clientFramer().toString());
        assertTrue(datagram.length <= AnnouncementCodec.MAX_BYTES, datagram.length + " bytes");
    }

    /** chat-server's framing options as typed, together covering every option that shapes a framer. */
    static Stream<Arguments> everyFramingOptionOfChatServer() {
        return Stream.of(
                Arguments.of(List.of("--framing", "fixed", "--frame-size", "30", "--pad", "#", "--crc32c")),
                Arguments.of(List.of("--framing", "delimiter", "--delimiter", "#*#", "--crc32c", "--max-frame", "64k",
                        "--on-bad-checksum", "skip")),
                Arguments.of(List.of("--framing", "delimiter", "--also-delimiter", "\\r\\n", "--keep-delimiter",
                        "--last-frame-at-end")),
                Arguments.of(List.of("--framing", "length", "--length-field", "u16", "--length-offset", "2",
                        "--length-adjust", "-4", "--crc32c")),
                Arguments.of(List.of("--framing", "length", "--length-field", "u16le", "--length-includes-header",
                        "--on-oversize", "skip", "--max-frame", "60000")),
                Arguments.of(List.of("--framing", "netstring", "--crc32c", "--hexdump")));
    }

    /** The framing options that change what a client shows, not the bytes on the wire. */
    private static final List<String> NOT_ON_THE_WIRE = List.of("--hexdump");

    @Test
    void everyFramingOptionIsTriedByTheRoundTripBelow() {
        List<String> tried = everyFramingOptionOfChatServer()
                .flatMap(arguments -> ((List<?>) arguments.get()[0]).stream()).map(Object::toString).toList();
        for (CommandLine.Model.OptionSpec option : new CommandLine(new Typed()).getCommandSpec().options()) {
            assertTrue(tried.contains(option.longestName()) || NOT_ON_THE_WIRE.contains(option.longestName()),
                    option.longestName() + " (a framing option) is tried by no sample of everyFramingOptionOfChatServer:"
                            + " add one, and if the announcement does not carry it, carry it");
        }
    }

    @ParameterizedTest
    @MethodSource("everyFramingOptionOfChatServer")
    void everyFramingOptionReachesTheAnnouncementAndTheClientBuildsTheServersFramer(List<String> typed) throws Exception {
        FramingOptions options = Typed.parse(typed.toArray(String[]::new));
        Announcement announcement = Announcement.of("studio", 7342, options, null, null);
        // What chat-server says: the framer it serves with, as it describes itself.
        byte[] datagram = AnnouncementCodec.encode(announcement, options.wireFramer(Framing.Side.SERVER).toString());
        Announcement back = AnnouncementCodec.decode(datagram, datagram.length);
        assertEquals(announcement, back);
        // The same bytes on the wire; what to do with a damaged frame (--on-bad-checksum) is each end's own choice.
        assertEquals(options.wireFramer(Framing.Side.CLIENT).toString(), back.clientFramer().toString());
        assertEquals(options.crc32c(), back.clientFramer().toString().startsWith("crc32c("), back.clientFramer().toString());
    }

    @Test
    void aCrc32cFieldOtherThanTrueOrFalseIsIgnored() throws Exception {
        String crc = new String(AnnouncementCodec.encode(new Announcement("box", 9000, Framing.LENGTH,
                FramingSettings.DEFAULTS, true, null, null)), StandardCharsets.US_ASCII);
        assertTrue(crc.contains("\ncrc32c=true\n"), crc);
        assertEquals(true, decode(crc).crc32c());
        MalformedAnnouncementException e = assertThrows(MalformedAnnouncementException.class,
                () -> decode(crc.replace("crc32c=true", "crc32c=yes")));
        assertEquals(BAD_FIELD, e.kind());
        // Said false (or left out, as a server without --crc32c does), a checksummed framer is not joined.
        assertThrows(MalformedAnnouncementException.class, () -> decode(crc.replace("crc32c=true", "crc32c=false")));
        assertThrows(MalformedAnnouncementException.class, () -> decode(crc.replace("crc32c=true\n", "")));
    }

    @Test
    void aServerWhoseFramerIsMoreThanItsFramingAndSettingsSayIsIgnored() {
        Announcement announcement = announcement(Framing.LENGTH, FramingSettings.DEFAULTS);
        byte[] datagram = AnnouncementCodec.encode(announcement, "crc32c(" + announcement.serverFramer() + ")");
        MalformedAnnouncementException e = assertThrows(MalformedAnnouncementException.class,
                () -> AnnouncementCodec.decode(datagram, datagram.length));
        assertEquals(BAD_FIELD, e.kind());
        assertTrue(e.getMessage().startsWith("the server runs crc32c("), e.getMessage());
    }

    @Test
    void anAnnouncementWithoutTlsOrWebPageLeavesThemOut() throws Exception {
        Announcement plain = new Announcement("box", 9000, Framing.LENGTH, FramingSettings.DEFAULTS, false, null, null);
        byte[] datagram = AnnouncementCodec.encode(plain);
        Announcement back = AnnouncementCodec.decode(datagram, datagram.length);
        assertNull(back.fingerprint());
        assertNull(back.webUrl());
        assertEquals(plain, back);
    }

    @Test
    void settingsLeftOutTakeTheirDefaultsSoAnOlderServersAnnouncementReads() throws Exception {
        Announcement back = decode("framekit-chat/1\nname=old\nport=7342\nframing=length\nframer="
                + Framing.LENGTH.build(FramingSettings.DEFAULTS).toString() + "\n");
        assertEquals(FramingSettings.DEFAULTS, back.settings());
        assertEquals(Framing.LENGTH, back.framing());
    }

    static Stream<Arguments> hostileDatagrams() {
        String v = valid();
        return Stream.of(
                Arguments.of("empty", "", NOT_AN_ANNOUNCEMENT),
                Arguments.of("another protocol", "M-SEARCH * HTTP/1.1\nHOST: 239.255.255.250:1900\n", NOT_AN_ANNOUNCEMENT),
                Arguments.of("a later version", v.replace("framekit-chat/1", "framekit-chat/2"), WRONG_VERSION),
                Arguments.of("a version with junk", v.replace("framekit-chat/1", "framekit-chat/1x"), WRONG_VERSION),
                Arguments.of("oversized", v + "x".repeat(AnnouncementCodec.MAX_BYTES), OVERSIZED),
                Arguments.of("escape sequence in the name", v.replace("name=alice-laptop", "name=alice\u001b[2J"), BAD_FIELD),
                Arguments.of("carriage return", v.replace("name=alice-laptop\n", "name=alice\r\n"), BAD_FIELD),
                Arguments.of("NUL byte", v.replace("port=7342", "port=7342\0"), BAD_FIELD),
                Arguments.of("not ASCII", v.replace("name=alice-laptop", "name=al\u00efce"), BAD_FIELD),
                Arguments.of("bidi control", v.replace("name=alice-laptop", "name=\u202eecila"), BAD_FIELD),
                Arguments.of("name too long", v.replace("name=alice-laptop", "name=" + "a".repeat(64)), BAD_FIELD),
                Arguments.of("empty name", v.replace("name=alice-laptop", "name="), BAD_FIELD),
                Arguments.of("port 0", v.replace("port=7342", "port=0"), BAD_FIELD),
                Arguments.of("port 65536", v.replace("port=7342", "port=65536"), BAD_FIELD),
                Arguments.of("absurd port", v.replace("port=7342", "port=99999999999999999999"), BAD_FIELD),
                Arguments.of("negative port", v.replace("port=7342", "port=-7342"), BAD_FIELD),
                Arguments.of("port with a sign", v.replace("port=7342", "port=+7342"), BAD_FIELD),
                Arguments.of("port with a leading zero", v.replace("port=7342", "port=07342"), BAD_FIELD),
                Arguments.of("unknown framing", v.replace("framing=delimiter", "framing=morse"), BAD_FIELD),
                Arguments.of("a huge frame limit", v.replace("maxFrame=1048576", "maxFrame=2147483647"), BAD_FIELD),
                Arguments.of("a frame limit just over the cap",
                        v.replace("maxFrame=1048576", "maxFrame=" + (AnnouncementCodec.MAX_FRAME + 1)), BAD_FIELD),
                Arguments.of("no frame limit", v.replace("maxFrame=1048576", "maxFrame=0"), BAD_FIELD),
                Arguments.of("a number that overflows", v.replace("frameSize=256", "frameSize=99999999999"), BAD_FIELD),
                Arguments.of("a fixed frame over the limit", v.replace("framing=delimiter", "framing=fixed")
                        .replace("frameSize=256", "frameSize=2000000"), BAD_FIELD),
                Arguments.of("a delimiter the framing refuses", v.replace("delimiter=\\n", "delimiter="), BAD_FIELD),
                Arguments.of("a setting too long", v.replace("delimiter=\\n", "delimiter=" + "x".repeat(65)), BAD_FIELD),
                Arguments.of("a length field that does not exist", v.replace("framing=delimiter", "framing=length")
                        .replace("lengthField=u32", "lengthField=u128"), BAD_FIELD),
                Arguments.of("an unknown oversize policy", v.replace("framing=delimiter", "framing=length")
                        .replace("onOversize=fail", "onOversize=explode"), BAD_FIELD),
                Arguments.of("a boolean that is not", v.replace("lengthIncludesHeader=false", "lengthIncludesHeader=yes"),
                        BAD_FIELD),
                Arguments.of("a key twice (a second framing)", v + "framing=length\n", BAD_FIELD),
                Arguments.of("an unknown key", v + "shell=rm -rf /\n", BAD_FIELD),
                Arguments.of("a line without =", v + "garbage\n", BAD_FIELD),
                Arguments.of("no name", v.replace("name=alice-laptop\n", ""), BAD_FIELD),
                Arguments.of("no port", v.replace("port=7342\n", ""), BAD_FIELD),
                Arguments.of("no framing", v.replace("framing=delimiter\n", ""), BAD_FIELD),
                Arguments.of("no framer", v.replaceFirst("framer=[^\n]*\n", ""), BAD_FIELD),
                Arguments.of("another framer than the settings make", v.replaceFirst("framer=[^\n]*\n",
                        "framer=length-prefix(2-byte big-endian, max 65535 bytes)\n"), BAD_FIELD),
                Arguments.of("a short fingerprint", v.replaceFirst("fingerprint=..:", "fingerprint="), BAD_FIELD),
                Arguments.of("a fingerprint not hex", v.replaceFirst("fingerprint=00", "fingerprint=zz"), BAD_FIELD),
                Arguments.of("a web page that is a script", v.replace("web=https://192.168.1.20:8080/",
                        "web=javascript:alert(1)"), BAD_FIELD),
                Arguments.of("a web page with a space", v.replace("web=https://192.168.1.20:8080/",
                        "web=https://a b/"), BAD_FIELD));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileDatagrams")
    void aHostileDatagramIsRefusedWithItsKind(String what, String datagram, MalformedAnnouncementException.Kind kind) {
        MalformedAnnouncementException e = assertThrows(MalformedAnnouncementException.class, () -> decode(datagram));
        assertEquals(kind, e.kind(), e.getMessage());
    }

    @Test
    void onlyTheLengthGivenIsRead() throws Exception {
        byte[] datagram = AnnouncementCodec.encode(announcement(Framing.LENGTH, FramingSettings.DEFAULTS));
        byte[] withJunkAfter = java.util.Arrays.copyOf(datagram, datagram.length + 100);
        java.util.Arrays.fill(withJunkAfter, datagram.length, withJunkAfter.length, (byte) 0x1b);
        assertEquals(Framing.LENGTH, AnnouncementCodec.decode(withJunkAfter, datagram.length).framing());
    }

    @Test
    void randomBytesAreRefusedAndNeverThrowAnythingElse() {
        Random random = new Random(25);
        int refused = 0;
        for (int i = 0; i < 20_000; i++) {
            byte[] datagram = new byte[random.nextInt(AnnouncementCodec.MAX_BYTES + 200)];
            random.nextBytes(datagram);
            try {
                AnnouncementCodec.decode(datagram, datagram.length);
                fail("random bytes read as an announcement: seed 25, datagram " + i);
            } catch (MalformedAnnouncementException expected) {
                refused++;
            }
        }
        assertEquals(20_000, refused);
    }

    @Test
    void damagedAnnouncementsEitherReadAsAValidAnnouncementOrAreRefused() {
        Random random = new Random(2025);
        byte[] original = valid().getBytes(StandardCharsets.US_ASCII);
        int accepted = 0;
        int refused = 0;
        for (int i = 0; i < 50_000; i++) {
            byte[] datagram = original.clone();
            int length = random.nextInt(4) == 0 ? random.nextInt(datagram.length + 1) : datagram.length;
            for (int flips = 1 + random.nextInt(3); flips > 0; flips--) {
                datagram[random.nextInt(datagram.length)] = (byte) (random.nextInt(3) == 0
                        ? random.nextInt(256) : "=\n0123456789:abcdefxyz-._/".charAt(random.nextInt(25)));
            }
            try {
                Announcement read = AnnouncementCodec.decode(datagram, length);
                // Whatever reads is a server a client can safely join: a framer it can build, a bounded frame.
                assertTrue(read.clientFramer().maxFrameLength() <= AnnouncementCodec.MAX_FRAME, read.toString());
                assertTrue(read.port() >= 1 && read.port() <= 65535, read.toString());
                accepted++;
            } catch (MalformedAnnouncementException e) {
                refused++;
            } catch (RuntimeException e) {
                throw new AssertionError("damaged datagram " + i + " (seed 2025) threw " + e, e);
            }
        }
        assertTrue(accepted > 0 && refused > 0, accepted + " accepted, " + refused + " refused");
    }
}
