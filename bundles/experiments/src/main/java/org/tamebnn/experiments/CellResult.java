package org.tamebnn.experiments;

import java.util.Objects;

/**
 * What one run of a cell produced: the solver's (or trainer's) status and the metrics. Any metric
 * may be null: unknown (a bound the backend does not give) or not applicable (no solver ran).
 *
 * @param status how the run ended, in the vocabulary every trainer shares ({@code OPTIMAL}, {@code FEASIBLE},
 *        {@code TIME_LIMIT}, ...; stores written before it have {@code DONE} for the gradient baselines),
 *        or {@link #ERROR}
 * @param trainingLoss the loss on the training set
 * @param objective the MILP objective of the incumbent
 * @param bound the best bound
 * @param gap the relative gap
 * @param buildSeconds time to build the model
 * @param solveSeconds time in the solver
 * @param totalSeconds time of the whole run
 * @param trainAccuracy accuracy on the training set
 * @param testAccuracy accuracy on the test set
 * @param precision test precision
 * @param recall test recall
 * @param f1 test F1
 * @param nodes branch-and-bound nodes
 * @param message what went wrong or anything worth keeping, in words
 * @param trace the solver's progress over the run (empty when it reports none; @since 3.0)
 */
public record CellResult(String status, Double trainingLoss, Double objective, Double bound, Double gap,
        Double buildSeconds, Double solveSeconds, Double totalSeconds, Double trainAccuracy, Double testAccuracy,
        Double precision, Double recall, Double f1, Long nodes, String message, ProgressTrace trace) {

    /** The status of a cell whose executor failed. */
    public static final String ERROR = "ERROR";

    public CellResult {
        Objects.requireNonNull(status, "status");
        if (status.isBlank()) throw new IllegalArgumentException("a result needs a status");
        trace = trace == null ? ProgressTrace.empty() : trace;
    }

    /** A failed cell with what went wrong. */
    public static CellResult error(String message) {
        return builder(ERROR).message(message).build();
    }

    public boolean isError() {
        return ERROR.equals(status);
    }

    public static Builder builder(String status) {
        return new Builder(status);
    }

    /** Named setters for the many optional metrics; unset ones stay null (unknown). */
    public static final class Builder {
        private final String status;
        private Double trainingLoss, objective, bound, gap, buildSeconds, solveSeconds, totalSeconds;
        private Double trainAccuracy, testAccuracy, precision, recall, f1;
        private Long nodes;
        private String message;
        private ProgressTrace trace;

        private Builder(String status) {
            this.status = status;
        }

        public Builder trainingLoss(Double v) { trainingLoss = v; return this; }
        public Builder objective(Double v) { objective = v; return this; }
        public Builder bound(Double v) { bound = v; return this; }
        public Builder gap(Double v) { gap = v; return this; }
        public Builder buildSeconds(Double v) { buildSeconds = v; return this; }
        public Builder solveSeconds(Double v) { solveSeconds = v; return this; }
        public Builder totalSeconds(Double v) { totalSeconds = v; return this; }
        public Builder trainAccuracy(Double v) { trainAccuracy = v; return this; }
        public Builder testAccuracy(Double v) { testAccuracy = v; return this; }
        public Builder precision(Double v) { precision = v; return this; }
        public Builder recall(Double v) { recall = v; return this; }
        public Builder f1(Double v) { f1 = v; return this; }
        public Builder nodes(Long v) { nodes = v; return this; }
        public Builder message(String v) { message = v; return this; }
        public Builder trace(ProgressTrace v) { trace = v; return this; }

        public CellResult build() {
            return new CellResult(status, trainingLoss, objective, bound, gap, buildSeconds, solveSeconds,
                    totalSeconds, trainAccuracy, testAccuracy, precision, recall, f1, nodes, message, trace);
        }
    }
}
