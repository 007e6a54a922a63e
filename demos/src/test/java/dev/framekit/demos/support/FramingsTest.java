package dev.framekit.demos.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.framekit.demos.options.Framing;
import dev.framekit.demos.options.FramingSettings;
import dev.framekit.framing.Framer;
import dev.framekit.framing.Framers;
import dev.framekit.framing.support.FramerFixture;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The framings the end-to-end tests run follow the one list of framers, {@link FramerFixture#all()}:
 * every kind of framer there can be chosen on the command line, and every command-line framing is
 * run end to end, by {@link Framings} or by a named test. A framer added to the fixture without
 * either fails here instead of going untested against the real jar.
 */
class FramingsTest {
    /** Command-line framings run end to end by tests of their own rather than through {@link Framings}. */
    private static final Map<Framing, String> RUN_ELSEWHERE = Map.ofEntries( // more than Map.of's ten pairs
            Map.entry(Framing.MQTT, "HeaderFieldFramingIT, MosquittoInteropTest"),
            Map.entry(Framing.GRPC, "HeaderFieldFramingIT"),
            Map.entry(Framing.ZMTP, "HeaderFieldFramingIT"),
            Map.entry(Framing.RESP, "HeaderFieldFramingIT, RedisInteropTest"),
            Map.entry(Framing.NATS, "HeaderFieldFramingIT, NatsInteropTest"),
            Map.entry(Framing.SYSLOG, "HeaderFieldFramingIT"),
            Map.entry(Framing.STOMP, "HeaderFieldFramingIT"),
            Map.entry(Framing.NETSTRING, "PeerInteropIT (against Twisted's NetstringReceiver)"),
            Map.entry(Framing.CHUNKED, "ChunkedAndWebSocketFramingIT"),
            Map.entry(Framing.WEBSOCKET, "ChunkedAndWebSocketFramingIT, WebChat*IT"),
            Map.entry(Framing.COBS, "ResyncAndJsonFramingsIT"),
            Map.entry(Framing.SLIP, "ResyncAndJsonFramingsIT"),
            Map.entry(Framing.JSON, "ResyncAndJsonFramingsIT (against Python's json module)"),
            Map.entry(Framing.JSON_SEQ, "ResyncAndJsonFramingsIT (against Python's json module)"));

    /** Framers of the library that no command selects, and why. */
    private static final Map<Class<?>, String> LIBRARY_ONLY = Map.of(
            kindOf(Framers.exactly(1)), "the HTTP demo reads a Content-Length body with it; no command offers it",
            kindOf(Framers.crc32c(Framers.cobs())), "not a --framing: --crc32c wraps any of them"
                    + " (ResyncAndJsonFramingsIT runs it end to end)",
            kindOf(Framers.delimiters("\r\n", "\n")), "the line options (several delimiters, a kept delimiter,"
                    + " the last line at the end) are library options; --framing delimiter takes one --delimiter");

    @Test
    void everyKindOfFramerInTheFixtureIsACommandLineFramingThatRunsEndToEnd() {
        Map<Class<?>, Framing> byClass = new LinkedHashMap<>();
        for (Framing framing : Framing.values()) {
            byClass.putIfAbsent(kindOf(framing.build(FramingSettings.DEFAULTS)), framing);
        }
        Set<Framing> runByFramings = Framings.all().map(Framings::framing).collect(Collectors.toSet());

        for (FramerFixture fixture : FramerFixture.all()) {
            Class<?> kind = kindOf(fixture.framer());
            if (LIBRARY_ONLY.containsKey(kind)) {
                continue;
            }
            Framing framing = byClass.get(kind);
            assertTrue(framing != null, fixture.name() + ": no --framing builds a " + kind.getSimpleName()
                    + "; add it to the Framing registry, or to LIBRARY_ONLY with the reason");
            assertTrue(runByFramings.contains(framing) || RUN_ELSEWHERE.containsKey(framing), "--framing "
                    + framing + " (" + fixture.name() + ") is run by no end-to-end test: add it to Framings");
        }
    }

    @Test
    void everyCommandLineFramingIsRunEndToEnd() {
        Set<Framing> covered = EnumSet.noneOf(Framing.class);
        Framings.all().map(Framings::framing).forEach(covered::add);
        covered.addAll(RUN_ELSEWHERE.keySet());

        assertEquals(EnumSet.allOf(Framing.class), covered);
    }

    @Test
    void eachFramingsFramerIsTheOneItsOptionsMakeOnTheCommandLine() {
        for (Framings framings : Framings.values()) {
            Framer fromOptions = framings.framing().build(settingsOf(framings.options()));

            assertEquals(framings.framer().toString(), fromOptions.toString(), framings.name());
        }
    }

    /**
     * What kind of framer this is, told by its decoder's class: a test's wrapper (one WebSocket
     * direction as one framer) decodes as the framer it wraps.
     */
    private static Class<?> kindOf(Framer framer) {
        return framer.newDecoder().getClass();
    }

    private static FramingSettings settingsOf(List<String> options) {
        FramingSettings settings = FramingSettings.DEFAULTS;
        int frameSize = settings.frameSize();
        String pad = settings.pad();
        String delimiter = settings.delimiter();
        for (int i = 0; i < options.size() - 1; i++) {
            switch (options.get(i)) {
                case "--frame-size" -> frameSize = Integer.parseInt(options.get(i + 1));
                case "--pad" -> pad = options.get(i + 1);
                case "--delimiter" -> delimiter = options.get(i + 1);
                default -> { }
            }
        }
        return new FramingSettings(frameSize, pad, delimiter, settings.maxFrame(), settings.lengthField(),
                settings.lengthIncludesHeader(), settings.onOversize(), settings.lengthOffset(), settings.lengthAdjust(),
                settings.alsoDelimiters(), settings.keepDelimiter(), settings.lastFrameAtEnd());
    }
}
