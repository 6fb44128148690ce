package org.tamebnn.api.dual;

import java.time.Duration;

/**
 * A report from a construction that grows (a branch-and-bound tree): how far it is, and the bound
 * it has reached at b₀. Unknown numbers are NaN (or −1).
 *
 * @param elapsed   since the construction began
 * @param lps       LPs solved so far
 * @param open      nodes not yet solved, −1 when the method has none
 * @param bound     the construction's bound at b₀ so far (in the sense of the model it works on)
 * @param incumbent the best objective known at b₀ (in the model's sense), NaN when none
 * @since 1.2
 */
public record DualProgress(Duration elapsed, long lps, long open, double bound, double incumbent) {
}
