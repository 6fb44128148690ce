package org.tamebnn.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RandomDataGeneratorTest {

    @Test
    void theSizesFollowTheSpec() {
        var spec = RandomDataSpec.defaults().withDimension(4).withPoints(100);
        Dataset d = RandomDataGenerator.generate(spec);
        assertEquals(100, d.size());
        assertEquals(4, d.featureCount());
        assertEquals("x1", d.featureName(0));
        assertEquals(2, d.classCount());
        assertEquals(33, spec.classOneCount());
        assertEquals(33, spec.classZeroCount());
        assertEquals(34, spec.noiseCount());
        assertEquals("random-d4-n100-seed0", d.name());
    }

    @Test
    void theSameSeedGivesTheSameDataAndAnotherSeedOther() {
        var spec = RandomDataSpec.defaults().withSeed(11);
        assertEquals(RandomDataGenerator.generate(spec).withName("x"), RandomDataGenerator.generate(spec).withName("x"));
        assertNotEquals(RandomDataGenerator.generate(spec).withName("x"),
                RandomDataGenerator.generate(spec.withSeed(12)).withName("x"));
    }

    @Test
    void eachThirdIsDrawnFromItsIntervalWithItsLabel() {
        var spec = new RandomDataSpec(5, 300, 2, 3, -3, -2, -10, 10, 5);
        Dataset d = RandomDataGenerator.generate(spec);
        int[] noiseLabels = new int[2];
        for (int i = 0; i < d.size(); i++) {
            double lo;
            double hi;
            switch (spec.groupOf(i)) {
                case CLASS_ONE -> {
                    lo = 2;
                    hi = 3;
                    assertEquals(1, d.label(i));
                }
                case CLASS_ZERO -> {
                    lo = -3;
                    hi = -2;
                    assertEquals(0, d.label(i));
                }
                default -> {
                    lo = -10;
                    hi = 10;
                    noiseLabels[d.label(i)]++;
                }
            }
            for (double v : d.row(i)) {
                assertTrue(v >= lo && v < hi, "row " + i + ": " + v + " not in [" + lo + ", " + hi + ")");
            }
        }
        // 100 noise points with fair coin labels: both labels appear, neither overwhelmingly
        assertEquals(100, noiseLabels[0] + noiseLabels[1]);
        assertTrue(noiseLabels[0] > 25 && noiseLabels[1] > 25);
        assertEquals(RandomDataSpec.Group.CLASS_ONE, spec.groupOf(99));
        assertEquals(RandomDataSpec.Group.CLASS_ZERO, spec.groupOf(100));
        assertEquals(RandomDataSpec.Group.NOISE, spec.groupOf(200));
    }

    @Test
    void theNoiseSpreadsOverItsWholeInterval() {
        Dataset d = RandomDataGenerator.generate(RandomDataSpec.defaults().withPoints(3000).withDimension(1));
        double min = 1;
        double max = -1;
        for (int i = 2000; i < 3000; i++) {
            min = Math.min(min, d.value(i, 0));
            max = Math.max(max, d.value(i, 0));
        }
        assertTrue(min < -0.95 && max > 0.95, min + " .. " + max);
    }

    @Test
    void badSpecsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> RandomDataSpec.defaults().withPoints(2));
        assertThrows(IllegalArgumentException.class, () -> RandomDataSpec.defaults().withDimension(0));
        assertThrows(IllegalArgumentException.class, () -> RandomDataSpec.defaults().withNoise(1, -1));
        assertThrows(IllegalArgumentException.class, () -> RandomDataSpec.defaults().withClassOne(0, Double.NaN));
    }
}
