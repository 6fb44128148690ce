package org.tamebnn.api.training;

import org.osgi.annotation.versioning.ConsumerType;
import org.tamebnn.api.milp.SolveProgress;

/**
 * Events while a run goes, on the training thread. Every method has an empty default, so a
 * listener overrides what it shows; it must return quickly and never throw.
 */
@ConsumerType
public interface TrainingListener {
    /** A listener that ignores everything. */
    TrainingListener NONE = new TrainingListener() {
    };

    /** The run of {@code trainer} on {@code solver} ("-" for none) starts. */
    default void started(String trainer, String solver) {
    }

    /** A MILP solve's progress (incumbent, bound, nodes), as often as its backend reports it. */
    default void solverProgress(SolveProgress progress) {
    }

    /** An iteration, restart or epoch is done with this training loss. */
    default void iterationDone(int iteration, double loss) {
    }

    /** A better network was found: its training loss. */
    default void incumbentImproved(double loss) {
    }

    /** A round of a bounding trainer (robust training's column-and-constraint generation) ended with these bounds. */
    default void roundBounds(int round, double lowerBound, double upperBound) {
    }
}
