package org.tamebnn.losses;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ClassWeightedZeroOneLossTest {

    @Test
    void balancedWeightsAreInverseToClassFrequency() {
        var loss = new ClassWeightedZeroOneLoss();
        int[] counts = {30, 10};
        assertEquals(40.0 / (2 * 30), loss.classWeight(0, counts), 1e-12);
        assertEquals(40.0 / (2 * 10), loss.classWeight(1, counts), 1e-12);
        // every class carries the same total weight N/K
        assertEquals(30 * loss.classWeight(0, counts), 10 * loss.classWeight(1, counts), 1e-12);
        // balanced data: the plain 0-1 loss
        assertEquals(1.0, loss.classWeight(2, new int[] {5, 5, 5}), 1e-12);
        assertEquals(1.0, loss.classWeight(1, new int[] {5, 0}), "a class without samples multiplies nothing");
    }

    @Test
    void explicitWeightsAreKeptAndMustCoverTheClasses() {
        var loss = new ClassWeightedZeroOneLoss(1, 4);
        assertEquals(4.0, loss.classWeight(1, new int[] {7, 2}));
        var e = assertThrows(IllegalArgumentException.class, () -> loss.classWeight(0, new int[] {1, 1, 1}));
        assertTrue(e.getMessage().contains("2 classes") && e.getMessage().contains("has 3"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new ClassWeightedZeroOneLoss(1, -1));
        assertThrows(IllegalArgumentException.class, () -> new ClassWeightedZeroOneLoss(new double[0]));
        assertThrows(IllegalArgumentException.class, () -> loss.classWeight(2, new int[] {1, 1}));
    }

    @Test
    void perTermItIsTheZeroOneLoss() {
        var loss = new ClassWeightedZeroOneLoss();
        var zeroOne = new ZeroOneLoss();
        for (double u = 0; u <= 1; u++) {
            for (double t = 0; t <= 1; t++) {
                assertEquals(zeroOne.value(u, t), loss.value(u, t));
                assertEquals(zeroOne.subgradient(u, t), loss.subgradient(u, t));
            }
        }
    }
}
