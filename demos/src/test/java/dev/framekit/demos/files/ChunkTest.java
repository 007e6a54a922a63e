package dev.framekit.demos.files;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.framekit.framing.FrameReader;
import dev.framekit.framing.FrameTooLongException;
import dev.framekit.framing.FrameWriter;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ChunkTest {
    private static final String KEY = "0123456789abcdef0123456789abcdef";

    private static Chunk roundTrip(Chunk chunk) throws IOException {
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        FrameWriter writer = new FrameWriter(wire, Chunk.FRAMER);
        ByteBuf frame = chunk.encode();
        writer.write(frame);
        writer.flush();
        frame.release();
        FrameReader reader = new FrameReader(new ByteArrayInputStream(wire.toByteArray()), Chunk.FRAMER);
        ByteBuf read = reader.readFrame();
        return Chunk.decode(Unpooled.copiedBuffer(read));
    }

    @Test
    void aDataChunkIsItsLengthATypeByteAndTheBytes() {
        ByteBuf frame = new Chunk.Data(Unpooled.copiedBuffer("hello", StandardCharsets.US_ASCII)).encode();
        assertEquals("4468656c6c6f", ByteBufUtil.hexDump(frame));
        frame.release();
    }

    @Test
    void everyChunkComesBackAsItWent() throws IOException {
        assertEquals(new Chunk.Hello(true, KEY), roundTrip(new Chunk.Hello(true, KEY)));
        assertEquals(new Chunk.Hello(false, KEY), roundTrip(new Chunk.Hello(false, KEY)));
        byte[] bytes = new byte[Chunk.DATA_SIZE];
        Arrays.fill(bytes, (byte) 0x0a);
        Chunk data = roundTrip(new Chunk.Data(Unpooled.wrappedBuffer(bytes)));
        assertArrayEquals(bytes, ByteBufUtil.getBytes(assertInstanceOf(Chunk.Data.class, data).bytes()));
        byte[] sha = new byte[32];
        sha[31] = 7;
        assertArrayEquals(sha, assertInstanceOf(Chunk.End.class, roundTrip(new Chunk.End(sha))).sha256());
        assertEquals(new Chunk.Done(), roundTrip(new Chunk.Done()));
        assertEquals(new Chunk.Abort("disk full ✗"), roundTrip(new Chunk.Abort("disk full ✗")));
    }

    @Test
    void aLongReasonIsCutWithoutBreakingACharacter() throws IOException {
        Chunk.Abort abort = assertInstanceOf(Chunk.Abort.class, roundTrip(new Chunk.Abort("é".repeat(1000))));
        assertEquals("é".repeat(Chunk.MAX_REASON / 2), abort.reason());
    }

    @Test
    void refusesFramesThatAreNoChunks() {
        for (String hex : new String[] {"", "5a", "44", "4501", "48535a", "4858" + "30".repeat(32),
                "4853" + "47".repeat(32)}) {
            assertThrows(Chunk.BadChunkException.class, () -> Chunk.decode(Unpooled.wrappedBuffer(ByteBufUtil.decodeHexDump(hex))),
                    hex);
        }
    }

    @Test
    void aFrameOverOneChunkIsRefusedBeforeItIsBuffered() {
        byte[] header = {0x00, 0x10, 0x00, 0x02}; // 1 MiB + 2 declared
        FrameReader reader = new FrameReader(new ByteArrayInputStream(header), Chunk.FRAMER);
        FrameTooLongException tooLong = assertThrows(FrameTooLongException.class, reader::readFrame);
        assertTrue(tooLong.getMessage().contains(Integer.toString(1 + Chunk.DATA_SIZE)), tooLong.getMessage());
    }
}
