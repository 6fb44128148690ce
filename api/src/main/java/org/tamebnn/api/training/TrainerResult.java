package org.tamebnn.api.training;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.tamebnn.api.milp.MilpModel;
import org.tamebnn.api.milp.SolveResult;

/**
 * What a {@link Trainer} returns: how it ended, the network (when it found one), the training loss
 * and a lower bound on the optimal loss where it has one, timings, its trace, and what the user
 * must know. Unknown numbers are NaN (nodes −1); nothing is filled in. Built with {@link #builder}.
 *
 * @param solver            the MILP solver it ran on, "-" for none
 * @param termination       how it ended
 * @param network           the trained network, if there is one
 * @param trainingLoss      the training loss of the network (misclassifications for the 0-1 loss)
 * @param lossBound         a proven lower bound on the optimal training loss
 * @param objective         the solver's objective value (the loss, plus any secondary term such as max-margin's)
 * @param bestBound         the solver's bound on that objective
 * @param nodes             branch-and-bound nodes, −1 when unknown
 * @param buildTime         building the model (zero for trainers without one)
 * @param solveTime         the solver's time (zero for trainers without one)
 * @param totalTime         the whole run
 * @param lossCurve         the training loss per iteration, epoch or restart (empty for a single solve)
 * @param rounds            the bounds per round of a bounding trainer (robust), else empty
 * @param consistency       the forward-pass check of a MILP trainer's network
 * @param solutionViolation the largest violation of the MILP by the solution read off (NaN without one)
 * @param message           what the user must know beyond the numbers; empty when nothing
 * @param details           further lines for a single run's report (iterations, restarts, steps)
 * @param milp              the training MILP that was solved last, for dual functions and certificates
 * @param attachments       implementation objects a caller that knows them may read ({@link #attachment})
 */
public record TrainerResult(String solver, Termination termination, Optional<Network> network, double trainingLoss,
        double lossBound, double objective, double bestBound, long nodes, Duration buildTime, Duration solveTime,
        Duration totalTime, List<Double> lossCurve, List<Round> rounds, Optional<Consistency> consistency,
        double solutionViolation, String message, List<String> details, Optional<MilpModel> milp,
        List<Object> attachments) {

    /** One round of a bounding trainer. */
    public record Round(int round, double lowerBound, double upperBound) {
    }

    public TrainerResult {
        Objects.requireNonNull(solver, "solver");
        Objects.requireNonNull(termination, "termination");
        Objects.requireNonNull(network, "network");
        lossCurve = List.copyOf(lossCurve);
        rounds = List.copyOf(rounds);
        details = List.copyOf(details);
        attachments = List.copyOf(attachments);
        Objects.requireNonNull(message, "message");
    }

    /** The relative gap between the loss and its bound, NaN when either is unknown. */
    public double gap() {
        return SolveResult.relativeGap(trainingLoss, lossBound);
    }

    /** The first attachment of {@code type}, e.g. a trainer bundle's own result record. */
    public <T> Optional<T> attachment(Class<T> type) {
        return attachments.stream().filter(type::isInstance).map(type::cast).findFirst();
    }

    public static Builder builder(String solver, Termination termination) {
        return new Builder(solver, termination);
    }

    /** A copy with another termination and message (the service's view of a cancelled or failed run). */
    public TrainerResult with(Termination newTermination, String newMessage) {
        return new TrainerResult(solver, newTermination, network, trainingLoss, lossBound, objective, bestBound, nodes,
                buildTime, solveTime, totalTime, lossCurve, rounds, consistency, solutionViolation, newMessage, details,
                milp, attachments);
    }

    /** A copy with {@code more} attached after this result's own attachments (the service adds the prepared data). */
    public TrainerResult withAttachments(List<Object> more) {
        List<Object> all = new ArrayList<>(attachments);
        all.addAll(more);
        return new TrainerResult(solver, termination, network, trainingLoss, lossBound, objective, bestBound, nodes,
                buildTime, solveTime, totalTime, lossCurve, rounds, consistency, solutionViolation, message, details,
                milp, all);
    }

    /** Builds a {@link TrainerResult}; everything not set is unknown or empty. */
    public static final class Builder {
        private final String solver;
        private final Termination termination;
        private Network network;
        private double trainingLoss = Double.NaN;
        private double lossBound = Double.NaN;
        private double objective = Double.NaN;
        private double bestBound = Double.NaN;
        private long nodes = -1;
        private Duration buildTime = Duration.ZERO;
        private Duration solveTime = Duration.ZERO;
        private Duration totalTime = Duration.ZERO;
        private List<Double> lossCurve = List.of();
        private final List<Round> rounds = new ArrayList<>();
        private Consistency consistency;
        private double solutionViolation = Double.NaN;
        private String message = "";
        private final List<String> details = new ArrayList<>();
        private MilpModel milp;
        private final List<Object> attachments = new ArrayList<>();

        private Builder(String solver, Termination termination) {
            this.solver = solver;
            this.termination = termination;
        }

        public Builder network(Network n) {
            this.network = n;
            return this;
        }

        public Builder loss(double loss, double bound) {
            this.trainingLoss = loss;
            this.lossBound = bound;
            return this;
        }

        public Builder objective(double value, double bound) {
            this.objective = value;
            this.bestBound = bound;
            return this;
        }

        public Builder nodes(long n) {
            this.nodes = n;
            return this;
        }

        public Builder times(Duration build, Duration solve, Duration total) {
            this.buildTime = build;
            this.solveTime = solve;
            this.totalTime = total;
            return this;
        }

        public Builder totalTime(Duration total) {
            this.totalTime = total;
            return this;
        }

        public Builder lossCurve(double[] curve) {
            List<Double> list = new ArrayList<>(curve.length);
            for (double v : curve) {
                list.add(v);
            }
            this.lossCurve = list;
            return this;
        }

        public Builder round(int round, double lower, double upper) {
            rounds.add(new Round(round, lower, upper));
            return this;
        }

        public Builder consistency(Consistency c) {
            this.consistency = c;
            return this;
        }

        public Builder solutionViolation(double v) {
            this.solutionViolation = v;
            return this;
        }

        public Builder message(String m) {
            this.message = m == null ? "" : m;
            return this;
        }

        public Builder detail(String line) {
            details.add(line);
            return this;
        }

        public Builder details(List<String> lines) {
            details.addAll(lines);
            return this;
        }

        public Builder milp(MilpModel model) {
            this.milp = model;
            return this;
        }

        public Builder attach(Object o) {
            attachments.add(o);
            return this;
        }

        public TrainerResult build() {
            return new TrainerResult(solver, termination, Optional.ofNullable(network), trainingLoss, lossBound,
                    objective, bestBound, nodes, buildTime, solveTime, totalTime, lossCurve, rounds,
                    Optional.ofNullable(consistency), solutionViolation, message, details, Optional.ofNullable(milp),
                    attachments);
        }
    }
}
