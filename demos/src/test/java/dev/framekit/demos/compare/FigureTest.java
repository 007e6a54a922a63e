package dev.framekit.demos.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.framekit.demos.compare.measure.Figure;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** A figure's spread is the middle half of its rounds; the extremes ride along for the ceiling check. */
class FigureTest {
    private static List<Double> shuffled(double... values) {
        List<Double> list = new ArrayList<>();
        for (double v : values) {
            list.add(v);
        }
        Collections.shuffle(list, new Random(12));
        return list;
    }

    @Test
    void theSpreadIsTheInterquartileRangeAndTheExtremesAreKept() {
        Figure figure = Figure.of(shuffled(1, 2, 3, 4, 5, 6, 7, 8, 9));

        assertEquals(5, figure.median());
        assertEquals(3, figure.low(), "25th percentile");
        assertEquals(7, figure.high(), "75th percentile");
        assertEquals(1, figure.lowest());
        assertEquals(9, figure.highest());
    }

    @Test
    void quartilesInterpolateBetweenRanksAndTheMedianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
        Figure figure = Figure.of(shuffled(10, 20, 30, 40));

        assertEquals(25, figure.median());
        assertEquals(17.5, figure.low());
        assertEquals(32.5, figure.high());
    }

    @Test
    void oneOutlyingRoundWidensTheExtremesButNotTheSpreadNorTheVerdict() {
        double[] rounds = new double[45];
        java.util.Arrays.fill(rounds, 1.20);
        rounds[7] = 0.40; // one round in which the machine stalled the contender
        Figure figure = Figure.ratios(rounds, filled(45, 1.0));

        assertTrue(figure.significant(), "44 of 45 rounds above 1.0 tell the two apart");
        assertEquals(1.20, figure.low(), 1e-9);
        assertEquals(0.40, figure.lowest(), 1e-9);
    }

    @Test
    void aQuarterOfTheRoundsOrMoreOnTheOtherSideMakesItNotSignificant() {
        double[] rounds = {0.9, 0.95, 0.98, 1.1, 1.1, 1.2, 1.2, 1.3}; // three of eight below 1.0
        assertFalse(Figure.ratios(rounds, filled(rounds.length, 1.0)).significant());
    }

    @Test
    void scalingScalesEveryPart() {
        Figure figure = Figure.of(shuffled(1, 2, 3, 4, 5)).times(10);

        assertEquals(List.of(30.0, 20.0, 40.0, 10.0, 50.0),
                List.of(figure.median(), figure.low(), figure.high(), figure.lowest(), figure.highest()));
    }

    private static double[] filled(int n, double value) {
        double[] values = new double[n];
        java.util.Arrays.fill(values, value);
        return values;
    }
}
