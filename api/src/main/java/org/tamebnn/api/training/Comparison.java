package org.tamebnn.api.training;

import java.util.List;

/**
 * What {@link TrainingService#compare} returns: the runs that ran, in order, their claims checked
 * against each other, and the runs the caller's cancellation left unstarted.
 *
 * @param outcomes the runs that ran
 * @param notRun   the labels ({@link TrainingOutcome#label(String, String)}) of runs not started
 */
public record Comparison(List<TrainingOutcome> outcomes, List<String> notRun) {
    public Comparison {
        outcomes = List.copyOf(outcomes);
        notRun = List.copyOf(notRun);
    }
}
