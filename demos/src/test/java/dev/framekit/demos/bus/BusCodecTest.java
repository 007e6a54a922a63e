package dev.framekit.demos.bus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.framekit.demos.chat.room.RoomEvent;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class BusCodecTest {
    private static final String HEAD = "framekit-bus 1\n0123456789ab\n7\n";

    static Stream<BusMessage.Content> everyKind() {
        return Stream.of(new BusMessage.Event(new RoomEvent.Said("alice", "héllo ␤ 👋")),
                new BusMessage.Event(new RoomEvent.Acted("alice", "waves")),
                new BusMessage.Event(new RoomEvent.Joined("guest3-ab12")),
                new BusMessage.Event(new RoomEvent.Left("alice", "")),
                new BusMessage.Event(new RoomEvent.Left("alice", "server vm:7342 unreachable")),
                new BusMessage.Event(new RoomEvent.Renamed("alice", "Alicia")),
                new BusMessage.Event(new RoomEvent.Private("alice", "bob", "psst")),
                new BusMessage.Here("vm:7342", List.of()),
                new BusMessage.Here("10.0.0.2:7342", List.of("alice", "bob")),
                new BusMessage.Bye("vm:7342"));
    }

    @ParameterizedTest
    @MethodSource("everyKind")
    void decodesWhatItEncodes(BusMessage.Content content) throws Exception {
        BusMessage message = new BusMessage("0123456789ab", 42, content);
        assertEquals(message, BusCodec.decode(BusCodec.encode(message)));
    }

    @Test
    void writesOneFieldALine() {
        byte[] bytes = BusCodec.encode(new BusMessage("0123456789ab", 7, new BusMessage.Event(new RoomEvent.Said("alice", "hi"))));
        assertEquals(HEAD + "said\nalice\nhi", new String(bytes, StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "hello",
        "framekit-bus 2\n0123456789ab\n7\nsaid\nalice\nhi",
        "framekit-bus 1\n0123456789AB\n7\nsaid\nalice\nhi",
        "framekit-bus 1\n0123456789ab\n0\nsaid\nalice\nhi",
        "framekit-bus 1\n0123456789ab\n-1\nsaid\nalice\nhi",
        "framekit-bus 1\n0123456789ab\n99999999999999999999\nsaid\nalice\nhi",
        HEAD + "shout\nalice\nhi",
        HEAD + "said\nalice",
        HEAD + "said\nalice\nhi\nthere",
        HEAD + "said\nalice\n",
        HEAD + "said\nroot\nI am the server",
        HEAD + "said\n-- bob\nhi",
        HEAD + "said\nalice\nhi\u001b[2J",
        HEAD + "said\nalice\nhi\r",
        HEAD + "said\nalice\n\u202Eevil",
        HEAD + "acted\nal ice\nwaves",
        HEAD + "joined",
        HEAD + "left\nalice",
        HEAD + "renamed\nalice\n",
        HEAD + "private\nalice\nbob",
        HEAD + "here",
        HEAD + "here\nvm 7342\nalice",
        HEAD + "here\nvm:7342\nalice\nALICE",
        HEAD + "bye",
        HEAD + "bye\nvm:7342\nextra",
    })
    void refusesAMalformedMessage(String text) {
        assertThrows(MalformedBusMessageException.class, () -> BusCodec.decode(text.getBytes(StandardCharsets.UTF_8)), text);
    }

    @Test
    void refusesBytesThatAreNotUtf8() {
        byte[] bytes = (HEAD + "said\nalice\nhi ").getBytes(StandardCharsets.UTF_8);
        bytes[bytes.length - 1] = (byte) 0xC3; // the start of a two-byte sequence, then the end
        MalformedBusMessageException refused = assertThrows(MalformedBusMessageException.class, () -> BusCodec.decode(bytes));
        assertEquals("not UTF-8", refused.getMessage());
    }

    @Test
    void refusesAMessageOverTheLimitBeforeDecodingIt() {
        byte[] bytes = new byte[BusCodec.MAX_BYTES + 1];
        MalformedBusMessageException refused = assertThrows(MalformedBusMessageException.class, () -> BusCodec.decode(bytes));
        assertTrue(refused.getMessage().contains("over the " + BusCodec.MAX_BYTES), refused.getMessage());
    }

    @Test
    void aRefusalShowsTheOffendingFieldMadeSafe() {
        MalformedBusMessageException refused = assertThrows(MalformedBusMessageException.class,
                () -> BusCodec.decode((HEAD + "said\nalice\n\u001b]0;owned\u0007").getBytes(StandardCharsets.UTF_8)));
        assertEquals("a text that is not safe to print: '␛]0;owned␇'", refused.getMessage());
    }

    @Test
    void encodingAFieldWithALineFeedIsABug() {
        assertThrows(IllegalArgumentException.class, () -> BusCodec.encode(new BusMessage("0123456789ab", 1,
                new BusMessage.Event(new RoomEvent.Said("alice", "two\nlines")))));
    }
}
