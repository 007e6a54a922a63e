package dev.framekit.demos.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.framekit.demos.options.Framing;
import dev.framekit.framing.FrameDecoder;
import dev.framekit.framing.Framer;
import dev.framekit.framing.Framers;
import dev.framekit.framing.FramingException;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonLineFramerTest {
    private static final Framer JSON = JsonLineFramer.forChat(Framing.JSON, Framers.json());
    private static final Framer SEQ = JsonLineFramer.forChat(Framing.JSON_SEQ, Framers.jsonSeq());

    private static String wire(Framer framer, String line) throws FramingException {
        ByteBuf out = Unpooled.buffer();
        framer.encode(line.getBytes(StandardCharsets.UTF_8), out);
        return out.toString(StandardCharsets.UTF_8);
    }

    private static String decode(Framer framer, String wire) throws FramingException {
        FrameDecoder decoder = framer.newDecoder();
        ByteBuf frame = decoder.decode(Unpooled.copiedBuffer(wire, StandardCharsets.UTF_8), true);
        assertNotNull(frame, wire);
        try {
            return frame.toString(StandardCharsets.UTF_8);
        } finally {
            frame.release();
        }
    }

    @Test
    void aLineTravelsAsAJsonArrayHoldingOneString() throws FramingException {
        assertEquals("[\"<alice> say \\\"hi\\\" \\\\o/\"]", wire(JSON, "<alice> say \"hi\" \\o/"));
        assertEquals("\u001e[\"hello\"]\n", wire(SEQ, "hello"));
        assertEquals("[\"tab\\tbell\\u0007\"]", wire(JSON, "tab\tbell\u0007"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"hello", "", "<bob> \"quoted\" and \\ back", "héllo ✓ 😀", "-- bob joined", "/nick carol"})
    void everyLineComesOutAsItWentIn(String line) throws FramingException {
        assertEquals(line, decode(JSON, wire(JSON, line)));
        assertEquals(line, decode(SEQ, wire(SEQ, line)));
    }

    @Test
    void readsWhatPythonsJsonDumpsWrites() throws FramingException {
        // json.dumps(["héllo ✓ 😀 \"q\""]) with Python's default ensure_ascii
        assertEquals("héllo ✓ 😀 \"q\"", decode(JSON, "[\"h\\u00e9llo \\u2713 \\ud83d\\ude00 \\\"q\\\"\"]"));
        assertEquals("a/b", decode(SEQ, "\u001e [ \"a\\/b\" ] \n"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"a\":1}", "[1]", "[\"a\",\"b\"]", "[]", "[\"bad \\q escape\"]", "[\"\\u12\"]"})
    void aTextThatIsNotAnArrayOfOneStringFailsTheConnection(String text) {
        FramingException e = assertThrows(FramingException.class, () -> decode(JSON, text));
        assertTrue(e.getMessage().startsWith("chat on JSON: each message is a JSON array holding one string,"
                + " [\"like this\"]; got "), e.getMessage());
    }

    @Test
    void aLineTooLongOnceWrappedIsRefusedWritingNothing() {
        Framer small = JsonLineFramer.forChat(Framing.JSON, Framers.json(10, 8));
        assertEquals(null, small.check("123456".getBytes(StandardCharsets.UTF_8)), "[\"123456\"] is 10 bytes");
        assertNotNull(small.check("1234567".getBytes(StandardCharsets.UTF_8)));
        ByteBuf out = Unpooled.buffer();
        assertThrows(FramingException.class, () -> small.encode("1234567".getBytes(StandardCharsets.UTF_8), out));
        assertEquals(0, out.readableBytes());
    }

    @Test
    void onlyTheJsonFramingsAreWrappedAndTheNameIsTheJsonFramers() {
        Framer lines = Framers.lines();
        assertSame(lines, JsonLineFramer.forChat(Framing.DELIMITER, lines));
        assertEquals(Framers.json().toString(), JSON.toString(), "the banner and the announcement name the framing");
        assertEquals("[\"x\"]", new String(JsonLineFramer.wrap(Unpooled.copiedBuffer("x", StandardCharsets.UTF_8)),
                StandardCharsets.UTF_8));
        assertEquals("5b 22 78 22 5d".replace(" ", ""), ByteBufUtil.hexDump(JsonLineFramer.wrap(
                Unpooled.copiedBuffer("x", StandardCharsets.UTF_8))));
    }
}
