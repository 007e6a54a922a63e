package dev.framekit.demos.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.framekit.demos.server.MemoryBudget;
import java.io.IOException;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A request body, counted against the memory budget as it arrives. */
class RequestBodyTest {
    private final List<Long> changes = new ArrayList<>();
    private long held;

    private boolean count(long delta) {
        changes.add(delta);
        held += delta;
        return true;
    }

    @Test
    void eachPieceIsCountedBeforeItIsKeptAndAllIsGivenBackOnClose() throws IOException {
        RequestBody body = new RequestBody(this::count);
        body.accept(new byte[] {1, 2});
        body.accept(new byte[] {3});
        assertEquals(RequestBody.cost(RequestBody.FIRST_BLOCK), held, "small pieces gathered in one block, counted whole");
        assertEquals(3, body.length());

        assertArrayEquals(new byte[] {1, 2, 3}, body.bytes());
        assertEquals(RequestBody.cost(3), held, "joined: the copy is counted, the pieces given back");
        body.hold(10);
        assertEquals(RequestBody.cost(3) + 10, held);

        body.close();
        assertEquals(0, held);
    }

    @Test
    void aLargeBodyJoinedOnceCountsItsHeapCostWhileThePiecesStillDo() throws IOException {
        RequestBody body = new RequestBody(this::count);
        int piece = 64 * 1024;
        for (int i = 0; i < 15; i++) {
            body.accept(new byte[piece]);
        }
        body.bytes();
        long whole = 15L * piece;
        long wholeCost = MemoryBudget.heapCost(whole + 16) + RequestBody.PER_PIECE;
        assertEquals(List.of(wholeCost, -15 * RequestBody.cost(piece)), changes.subList(15, 17), "the copy, then the pieces back");
        assertEquals(wholeCost, held);
        body.close();
        assertEquals(0, held);
    }

    @Test
    void aPeerShedByTheBudgetReadsNoMoreBodyAndStillGivesBackWhatItCounted() throws IOException {
        long[] total = {0};
        RequestBody body = new RequestBody(delta -> {
            total[0] += delta;
            return total[0] < 2 * RequestBody.SMALL_PIECE;
        });
        body.accept(new byte[50]);
        body.accept(new byte[RequestBody.SMALL_PIECE]);
        assertThrows(SocketException.class, () -> body.accept(new byte[RequestBody.SMALL_PIECE]));
        body.close();
        assertEquals(0, total[0]);
    }

    @Test
    void aBodyOfOneByteChunksCostsAboutAByteOfHeapPerByte() throws IOException {
        RequestBody body = new RequestBody(this::count);
        int chunks = 100_000;
        for (int i = 0; i < chunks; i++) {
            body.accept(new byte[] {(byte) i});
        }
        assertEquals(chunks, body.length());
        assertTrue(held < chunks + 2 * RequestBody.MAX_BLOCK, "about a byte per byte, the last block's room besides: counted "
                + held + " for " + chunks + " bytes");
        assertTrue(held >= chunks, "counted at least what it holds: " + held);

        byte[] whole = body.bytes();
        assertEquals(chunks, whole.length);
        assertEquals((byte) 99_999, whole[99_999]);
        body.close();
        assertEquals(0, held);
    }

    @Test
    void aPieceIsCountedWithItsArrayHeaderAndListEntry() throws IOException {
        RequestBody body = new RequestBody(this::count);
        body.accept(new byte[RequestBody.SMALL_PIECE]);
        assertEquals(16 + RequestBody.SMALL_PIECE + RequestBody.PER_PIECE, held);
        assertEquals(RequestBody.SMALL_PIECE, body.bytes().length);
        assertEquals(16 + RequestBody.SMALL_PIECE + RequestBody.PER_PIECE, held, "one whole piece: no copy");
        body.close();
    }
}
