package org.tamebnn.bnn;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The outcome of an {@link OnlineTrainer} run: the network after the last batch, and for every
 * step the solve started from the previous network (warm) next to the same model solved from
 * nothing (cold), both measured in the same run.
 *
 * @param result the last step's warm result (the first step's, or the step that stopped the run)
 * @param steps  every step, the first being the initial training on the first points
 */
public record OnlineResult(TrainingResult result, List<Step> steps) {

    /** Copies the list. */
    public OnlineResult {
        steps = List.copyOf(steps);
    }

    /** The warm solves' wall time (start repairs included) over the steps that have a cold solve to compare with. */
    public Duration warmTime() {
        return steps.stream().filter(s -> s.cold().isPresent()).map(Step::warmTime)
                .reduce(Duration.ZERO, Duration::plus);
    }

    /** The cold solves' wall time. */
    public Duration coldTime() {
        return steps.stream().flatMap(s -> s.cold().stream()).map(TrainingResult::solveTime)
                .reduce(Duration.ZERO, Duration::plus);
    }

    /** One line for logs and the console, then one per step. */
    public String describe() {
        var sb = new StringBuilder(String.format(Locale.ROOT, "online: %d steps, warm %d ms vs cold %d ms; %s",
                steps.size(), warmTime().toMillis(), coldTime().toMillis(), result.describe()));
        steps.forEach(s -> sb.append(System.lineSeparator()).append("  ").append(s.describe()));
        return sb.toString();
    }

    /**
     * One step: the training set grown to its first {@code rows} rows and solved again.
     *
     * @param index           0 for the initial training
     * @param rows            the training rows of this step's model
     * @param addedRows       the rows added since the previous step
     * @param startNetwork    the previous step's network, empty for the first step
     * @param startSolution   the start as a point of this step's MILP, checked feasible: the previous
     *                        network's forward pass, or its repair ({@link #startRepaired}); empty
     *                        for the first step or when there is no feasible start
     * @param startObjective  the MILP's objective at the start (NaN without one)
     * @param startRepaired   true when the forward pass put a new point's preactivation into a gap
     *                        and a solve with every activation fixed found the start
     * @param repairTime      that solve's wall time, counted in the warm time
     * @param startPassed     true when the start went to the solver as a MIP start
     * @param warm            the solve from the start (for the first step: {@link ExactTrainer}'s solve)
     * @param cold            the same model solved without a start, when compared
     */
    public record Step(int index, int rows, int addedRows, Optional<TrainedBnn> startNetwork,
            Optional<double[]> startSolution, double startObjective, boolean startRepaired, Duration repairTime,
            boolean startPassed, TrainingResult warm, Optional<TrainingResult> cold) {

        /** Copies the start. */
        public Step {
            startSolution = startSolution.map(double[]::clone);
        }

        @Override
        public Optional<double[]> startSolution() {
            return startSolution.map(double[]::clone);
        }

        /** True when there is a start and it is a point of the model within {@link HeuristicStart#FEASIBILITY_TOLERANCE}. */
        public boolean startFeasible() {
            return startSolution.isPresent();
        }

        /** What the warm solve cost: the repair of the start, if any, and the solve. */
        public Duration warmTime() {
            return repairTime.plus(warm.solveTime());
        }

        /** Cold solve time minus {@link #warmTime()}, empty without a cold solve. */
        public Optional<Duration> timeSaved() {
            return cold.map(c -> c.solveTime().minus(warmTime()));
        }

        /** E.g. {@code "step 2: 40 rows (+10), start objective 1 (passed): warm 120 ms OPTIMAL loss 0, cold 900 ms OPTIMAL loss 0"}. */
        public String describe() {
            String start = startNetwork.isEmpty() ? "initial training"
                    : startSolution.isEmpty() ? "no feasible start"
                    : "start objective " + TrainingResult.format(startObjective) + " ("
                            + (startRepaired ? "repaired in " + repairTime.toMillis() + " ms, " : "")
                            + (startPassed ? "passed" : "not passed: no MIP start") + ")";
            String warmPart = (startNetwork.isEmpty() ? "" : "warm ") + warmTime().toMillis() + " ms "
                    + warm.status() + " loss " + TrainingResult.format(warm.trainingLoss());
            String coldPart = cold.map(c -> ", cold " + c.solveTime().toMillis() + " ms " + c.status() + " loss "
                    + TrainingResult.format(c.trainingLoss())).orElse("");
            return "step " + index + ": " + rows + " rows (+" + addedRows + "), " + start + ": " + warmPart + coldPart;
        }
    }
}
