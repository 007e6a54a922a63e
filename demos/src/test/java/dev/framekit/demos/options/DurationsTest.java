package dev.framekit.demos.options;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine.TypeConversionException;

class DurationsTest {

    @ParameterizedTest(name = "{0} is {1} ms")
    @CsvSource({
        "500ms, 500",
        "30s, 30000",
        "5m, 300000",
        "1h, 3600000",
        "7, 7000",
        "0, 0",
        "' 2S ', 2000",
        "1500MS, 1500",
    })
    void parsesDurationsWithUnitsAndBareSeconds(String text, long millis) {
        assertEquals(Duration.ofMillis(millis), Durations.parse(text));
    }

    @ParameterizedTest(name = "''{0}'' is not a duration")
    @ValueSource(strings = {"", "s", "abc", "1.5s", "10 minutes", "1d"})
    void refusesTextThatIsNotADurationAndShowsTheForm(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Durations.parse(text));
        assertTrue(e.getMessage().contains("is not a duration"), e.getMessage());
        assertTrue(e.getMessage().contains("500ms"), e.getMessage());
    }

    @ParameterizedTest(name = "''{0}'' is refused as negative")
    @ValueSource(strings = {"-1s", "-500ms", "-1"})
    void refusesNegativeDurations(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Durations.parse(text));
        assertTrue(e.getMessage().contains("is negative"), e.getMessage());
    }

    @ParameterizedTest(name = "''{0}'' is refused as too long")
    @ValueSource(strings = {"1000h", "99999999999h", "2147483648ms"})
    void refusesDurationsASocketTimeoutCannotHold(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Durations.parse(text));
        assertTrue(e.getMessage().contains("too long"), e.getMessage());
    }

    @Test
    void refusesADurationThatOverflowsAsNotADuration() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Durations.parse("999999999999999999h"));
        assertTrue(e.getMessage().contains("is not a duration"), e.getMessage());
    }

    @Test
    void acceptsTheLongestDurationASocketTimeoutHolds() {
        assertEquals(Duration.ofMillis(Integer.MAX_VALUE), Durations.parse(Integer.MAX_VALUE + "ms"));
    }

    @Test
    void theConverterReportsAMistakeAsAPicocliConversionError() {
        TypeConversionException e = assertThrows(TypeConversionException.class, () -> new Durations().convert("soon"));
        assertTrue(e.getMessage().contains("'soon' is not a duration"), e.getMessage());
    }

    @Test
    void theConverterPassesAGoodValueThrough() {
        assertEquals(Duration.ofSeconds(1), new Durations().convert("1s"));
    }
}
