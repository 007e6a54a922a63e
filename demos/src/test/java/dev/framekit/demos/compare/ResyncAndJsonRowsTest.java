package dev.framekit.demos.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.framekit.demos.compare.measure.Contender;
import dev.framekit.demos.compare.measure.Contenders;
import dev.framekit.demos.compare.measure.Qualities;
import dev.framekit.demos.compare.measure.Workload;
import org.junit.jupiter.api.Test;

/** compare's rows for COBS, SLIP and the JSON framings: their properties, and the sizes they carry. */
class ResyncAndJsonRowsTest {
    @Test
    void eachNewRowSaysWhatItCannotCarry() {
        assertEquals(new Qualities(true, true, "1 MiB (configurable up to 1 GiB)", "-"),
                Contenders.framing("cobs").qualities(64));
        assertEquals("the empty message (receivers skip empty frames)", Contenders.framing("slip").qualities(64).cannotCarry());
        Qualities json = Contenders.framing("json").qualities(64);
        assertFalse(json.binarySafe());
        assertEquals("anything but one JSON object or array; nesting over 128 levels", json.cannotCarry());
        assertFalse(Contenders.framing("json-seq").qualities(64).binarySafe());
    }

    @Test
    void theJsonRowsCarryComparesMessagesFromSixBytes() {
        Contender json = Contenders.framing("json");
        assertTrue(json.carries(6), new String(new Workload(6).message(0)));
        assertTrue(json.carries(64 * 1024));
        assertFalse(json.carries(5), "letters alone are not JSON");
        assertTrue(Contenders.framing("length").carries(5));
        assertEquals("[\"00\"]", new String(new Workload(6).message(0), java.nio.charset.StandardCharsets.US_ASCII));
    }
}
