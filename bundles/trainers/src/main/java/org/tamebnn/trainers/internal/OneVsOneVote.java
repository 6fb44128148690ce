package org.tamebnn.trainers.internal;

import java.util.List;

import org.tamebnn.api.training.Network;
import org.tamebnn.bnn.TrainedBnn;

/**
 * The majority vote of the pair models: each votes for its class a or b; the class with most
 * votes wins, and among tied classes the one whose voters' margins (how far their output
 * preactivation lies from the firing threshold) sum highest.
 */
record OneVsOneVote(List<Voter> voters, int classes) implements Network {
    /** A binary network that says class {@code a} with output 0 and class {@code b} with output 1. */
    record Voter(int a, int b, TrainedBnn network) {
    }

    OneVsOneVote {
        voters = List.copyOf(voters);
    }

    @Override
    public int classify(double[] row) {
        double[] score = outputs(row);
        int best = 0;
        for (int c = 1; c < classes; c++) {
            if (score[c] > score[best]) {
                best = c;
            }
        }
        return best;
    }

    /**
     * Per class: its votes plus its voters' summed margins scaled into [0, 1), so that votes decide
     * and margins only break ties.
     */
    @Override
    public double[] outputs(double[] row) {
        int[] votes = new int[classes];
        double[] margins = new double[classes];
        for (Voter v : voters) {
            TrainedBnn.ForwardPass pass = v.network().forward(row);
            double[] pre = pass.preactivations()[pass.preactivations().length - 1];
            double margin = Math.abs(pre[0] - v.network().firingThreshold());
            int winner = pass.predictedClass() == 1 ? v.b() : v.a();
            votes[winner]++;
            margins[winner] += margin;
        }
        double total = 0;
        for (double v : margins) {
            total += v;
        }
        double[] score = new double[classes];
        for (int c = 0; c < classes; c++) {
            score[c] = votes[c] + (total > 0 ? 0.999 * margins[c] / total : 0);
        }
        return score;
    }

    @Override
    public String describe() {
        return "one-vs-one ensemble of " + voters.size() + " " + voters.getFirst().network().describe();
    }
}
