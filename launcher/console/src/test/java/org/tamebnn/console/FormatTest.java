package org.tamebnn.console;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class FormatTest {
    @Test
    void unknownIsADashAndRoundOffIsNotNews() {
        assertEquals("-", Format.number(Double.NaN));
        assertEquals("0", Format.number(-7.2e-16));
        assertEquals("3089", Format.number(3089.0));
        assertEquals("568.1007", Format.number(568.1007000000001));
        assertEquals("inf", Format.number(Double.POSITIVE_INFINITY));
        assertEquals("-", Format.percent(Double.NaN));
        assertEquals("12.50%", Format.percent(0.125));
        assertEquals("1.50 s", Format.seconds(Duration.ofMillis(1500)));
        assertEquals("-", Format.count(-1));
    }
}
