package dev.framekit.demos.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.framekit.demos.compare.measure.Contender;
import dev.framekit.demos.compare.measure.Contenders;
import dev.framekit.demos.compare.measure.Settings;
import java.util.List;
import org.junit.jupiter.api.Test;

class SettingsTest {
    private static final Contender LENGTH = Contenders.of(List.of("length")).get(0);
    private static final Contender CLOSE = Contenders.of(List.of("close")).get(0);

    @Test
    void smallMessagesGetEveryRoundTrip() {
        assertEquals(500, Settings.quick(List.of(16), null).roundTripsFor(LENGTH, 16));
        assertEquals(500, Settings.quick(List.of(8192), null).roundTripsFor(LENGTH, 8192));
        assertEquals(1700, Settings.full(List.of(1024), null, null).roundTripsFor(LENGTH, 1024));
    }

    @Test
    void largeMessagesGetAsManyRoundTripsAsCarryTheSameBytesButEnoughForTheFloorCheck() {
        assertEquals(425, Settings.full(List.of(32768), null, null).roundTripsFor(LENGTH, 32768));
        assertEquals(Settings.MIN_LARGE_ROUND_TRIPS, Settings.full(List.of(65536), null, null).roundTripsFor(LENGTH, 65536));
        assertEquals(Settings.MIN_LARGE_ROUND_TRIPS, Settings.quick(List.of(65536), null).roundTripsFor(LENGTH, 65536));
        assertEquals(Settings.MIN_LARGE_ROUND_TRIPS, Settings.full(List.of(1 << 20), null, null).roundTripsFor(LENGTH, 1 << 20));
        assertEquals(Settings.MIN_LARGE_ROUND_TRIPS, Settings.quick(List.of(16384), null).roundTripsFor(LENGTH, 16384));
    }

    @Test
    void quickTrialsAreShorterFromOneKibibyteAndTheFullRunsAndAGivenDurationAreNot() {
        Settings quick = Settings.quick(List.of(16, 1024, 65536), null);
        assertEquals(java.time.Duration.ofMillis(20), quick.duration(16));
        assertEquals(java.time.Duration.ofMillis(20), quick.duration(1023));
        assertEquals(java.time.Duration.ofMillis(12), quick.duration(1024));
        assertEquals(java.time.Duration.ofMillis(12), quick.budget(65536).duration());
        Settings full = Settings.full(List.of(16, 65536), null, null);
        assertEquals(full.duration(16), full.duration(65536));
        Settings given = Settings.full(List.of(16, 65536), null, java.time.Duration.ofMillis(300));
        assertEquals(java.time.Duration.ofMillis(300), given.duration(65536));
    }

    @Test
    void aMessageCountAndTheSendAndCloseCapStillBound() {
        assertEquals(40, Settings.quick(List.of(65536), 40L).roundTripsFor(LENGTH, 65536));
        assertEquals(100, Settings.quick(List.of(16), null).roundTripsFor(CLOSE, 16));
        assertEquals(100, Settings.quick(List.of(65536), null).roundTripsFor(CLOSE, 65536));
    }
}
