package dev.framekit.demos.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.framekit.demos.chat.room.PeerCheck;
import dev.framekit.demos.support.Framings;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** On every chat framing, a transfer's connection is told apart from a member's by its first bytes, which stay buffered. */
class TransferPreambleTest {
    private static PeerCheck check(Framings framing) {
        return new PeerCheck(framing.framing(), framing.framer(), String.join(" ", framing.options()), () -> 0);
    }

    @ParameterizedTest
    @EnumSource(Framings.class)
    void thePreambleHandsTheConnectionOffWithoutConsumingIt(Framings framing) throws Exception {
        PeerCheck.Guard guard = check(framing).guard(() -> {});
        ByteBuf in = Unpooled.buffer().writeBytes(PeerCheck.TRANSFER_PREAMBLE).writeBytes(new byte[] {0, 0, 0, 1, 'H'});
        assertThrows(PeerCheck.Handoff.class, () -> guard.decode(in, false));
        assertEquals(0, in.readerIndex());
    }

    @ParameterizedTest
    @EnumSource(Framings.class)
    void partOfThePreambleWaitsForTheRest(Framings framing) throws Exception {
        PeerCheck.Guard guard = check(framing).guard(() -> {});
        ByteBuf in = Unpooled.wrappedBuffer(Arrays.copyOf(PeerCheck.TRANSFER_PREAMBLE, 5));
        assertNull(guard.decode(in, false));
        assertEquals(0, in.readerIndex());
    }
}
