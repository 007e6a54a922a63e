package dev.framekit.demos.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
        assertEquals(3, held);
        assertEquals(3, body.length());

        assertArrayEquals(new byte[] {1, 2, 3}, body.bytes());
        assertEquals(3, held, "joined: the copy is counted, the pieces given back");
        body.hold(10);
        assertEquals(13, held);

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
        assertEquals(List.of(MemoryBudget.heapCost(whole), -whole), changes.subList(15, 17), "the copy, then the pieces back");
        assertEquals(MemoryBudget.heapCost(whole), held);
        body.close();
        assertEquals(0, held);
    }

    @Test
    void aPeerShedByTheBudgetReadsNoMoreBodyAndStillGivesBackWhatItCounted() throws IOException {
        long[] total = {0};
        RequestBody body = new RequestBody(delta -> {
            total[0] += delta;
            return total[0] < 100;
        });
        body.accept(new byte[60]);
        assertThrows(SocketException.class, () -> body.accept(new byte[60]));
        body.close();
        assertEquals(0, total[0]);
    }
}
