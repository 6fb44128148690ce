package org.tamebnn.trainers.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.tamebnn.bnn.BnnSpec;
import org.tamebnn.bnn.TrainedBnn;
import org.tamebnn.data.Dataset;
import org.tamebnn.data.LabelMapping;

/** The one-vs-one vote on three classes of one feature, each pair model a threshold on x. */
class OneVsOneVoteTest {
    private static final BnnSpec SPEC = BnnSpec.forData(Dataset.of("t", List.of("x"), new double[][] {{0}, {1}},
            new int[] {0, 1}, LabelMapping.fromLabels(List.of("a", "b")))).hidden().build();

    /** Says b when x ≥ t (up to the firing threshold), else a. */
    private static OneVsOneVote.Voter threshold(int a, int b, double t) {
        return new OneVsOneVote.Voter(a, b, TrainedBnn.of(SPEC, new double[][][] {{{1}}}, new double[][] {{t}}));
    }

    private static final OneVsOneVote VOTE = new OneVsOneVote(List.of(threshold(0, 1, 0.5), threshold(0, 2, 0.3),
            threshold(1, 2, 0.7)), 3);

    @Test
    void theClassWithMostVotesWins() {
        assertEquals(0, VOTE.classify(new double[] {0.1}), "0 beats 1 and 2; 1 beats 2");
        assertEquals(1, VOTE.classify(new double[] {0.6}), "1 beats 0 and 2");
        assertEquals(2, VOTE.classify(new double[] {0.9}), "2 beats 0 and 1");
    }

    @Test
    void aTieGoesToTheClassWhoseVotersAreSurest() {
        // at x = 0.45 each class wins one vote (0 over 1, 2 over 0, 1 over 2): a three-way tie; the
        // margins are 0.05 for 0, 0.15 for 2 and 0.25 for 1
        double[] scores = VOTE.outputs(new double[] {0.45});
        assertEquals(1, VOTE.classify(new double[] {0.45}));
        assertEquals(1.0, Math.floor(scores[0]));
        assertEquals(1.0, Math.floor(scores[1]));
        assertEquals(1.0, Math.floor(scores[2]), "votes decide, margins only break ties");
        assertEquals("one-vs-one ensemble of 3 1-1 BDNN, real weights, ε=0.001", VOTE.describe());
    }
}
