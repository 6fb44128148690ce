package org.tamebnn.bnn;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;


/**
 * Checks solvers' claims against each other when several trained the same MILP. A network's loss
 * recomputed by the forward pass ({@link ConsistencyReport#forwardLoss()}) is a fact, whoever found
 * it; so a solver that calls loss L optimal is refuted by any network with a smaller verified loss,
 * and a solver's bound B by any network whose verified loss is below B. This is how a comparison
 * exposes a wrong "optimal" (lp_solve's at some settings, ojAlgo's on some models) instead of
 * printing it as a result.
 */
public final class ClaimCheck {
    /** Losses are sums of integer weights here; this absorbs floating-point noise in them. */
    private static final double TOLERANCE = 1e-6;

    private ClaimCheck() {
    }

    /**
     * For each result (same order), the refutation of its claims by the others, or empty.
     * Only results with a consistent network count as evidence.
     */
    public static List<Optional<String>> refutations(List<TrainingResult> results) {
        List<Optional<String>> out = new ArrayList<>();
        for (TrainingResult r : results) {
            Optional<TrainingResult> best = results.stream().filter(o -> o != r).filter(ClaimCheck::verified)
                    .min((a, b) -> Double.compare(verifiedLoss(a), verifiedLoss(b)));
            out.add(best.flatMap(b -> refute(r, b)));
        }
        return out;
    }

    private static Optional<String> refute(TrainingResult claim, TrainingResult evidence) {
        double fact = verifiedLoss(evidence);
        List<String> wrong = new ArrayList<>();
        // a claim without a confirming bound (ojAlgo's, lp_solve's) is refuted as much as a confirmed one
        if (claim.status().claimsOptimum() && claim.hasNetwork() && claim.trainingLoss() > fact + TOLERANCE) {
            wrong.add(String.format(Locale.ROOT, "%s at loss %s", claim.status(),
                    TrainingResult.format(claim.trainingLoss())));
        }
        if (claim.lossBound() > fact + TOLERANCE) {
            wrong.add(String.format(Locale.ROOT, "bound %s", TrainingResult.format(claim.lossBound())));
        }
        if (wrong.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("WRONG CLAIM: " + String.join(" and ", wrong) + "; " + evidence.solver() + " found loss "
                + TrainingResult.format(fact) + " (forward pass)");
    }

    private static boolean verified(TrainingResult r) {
        return r.consistency().filter(ConsistencyReport::consistent).isPresent();
    }

    private static double verifiedLoss(TrainingResult r) {
        return r.consistency().orElseThrow().forwardLoss();
    }
}
