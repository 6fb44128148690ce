package org.tamebnn.data;

/**
 * What scaling does with a value outside the range the scaler was fitted on (a test point beyond
 * the training minimum or maximum).
 */
public enum OutOfRange {
    /**
     * The default: keep the linear map, so such a value falls below 0 or above 1. Nothing is
     * changed behind the caller's back, and an evaluation sees the test data as it is.
     */
    KEEP,
    /** Clip to [0, 1], for models that assume every input lies in the training range. */
    CLIP
}
