package org.tamebnn.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

class ShardTest {

    @Test
    void parsesIOverN() {
        assertEquals(new Shard(3, 8), Shard.parse("3/8"));
        assertEquals(new Shard(1, 1), Shard.parse(" 1 / 1 "));
        assertEquals("3/8", Shard.parse("3/8").toString());
    }

    @Test
    void rejectsWhatIsNotAShard() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Shard.parse("0/4")).getMessage()
                .contains("runs from 1 to 4"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Shard.parse("5/4")).getMessage()
                .contains("runs from 1 to 4"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Shard.parse("1/0")).getMessage()
                .contains("at least 1 shard"));
        for (String text : new String[] { "3", "a/b", "1/2/3", "-1/2", "", "99999999999/99999999999" }) {
            assertThrows(IllegalArgumentException.class, () -> Shard.parse(text), text);
        }
    }

    /** For random grids and shard counts, every cell is in exactly one shard and shards differ by at most one cell. */
    @Test
    void everyCellIsInExactlyOneShard() {
        // QuickTheories takes at most four generators: the last one codes time limits (1-3) and trainers (1-4)
        qt().withExamples(200).forAll(integers().between(1, 4), integers().between(1, 5), integers().between(0, 11),
                integers().between(1, 12)).check((sizes, seeds, limitsAndTrainers, n) -> {
                    List<Cell> cells = grid(sizes, seeds, limitsAndTrainers % 3 + 1, limitsAndTrainers / 3 + 1).cells();
                    Map<String, Integer> owners = new HashMap<>();
                    List<Integer> perShard = new ArrayList<>();
                    for (int i = 1; i <= n; i++) {
                        Shard shard = new Shard(i, n);
                        int count = 0;
                        for (Cell c : cells) {
                            if (shard.contains(c)) {
                                owners.merge(c.key(), 1, Integer::sum);
                                count++;
                            }
                        }
                        perShard.add(count);
                    }
                    boolean exactlyOnce = owners.size() == cells.size() && owners.values().stream().allMatch(v -> v == 1);
                    int max = perShard.stream().mapToInt(Integer::intValue).max().orElse(0);
                    int min = perShard.stream().mapToInt(Integer::intValue).min().orElse(0);
                    return exactlyOnce && max - min <= 1;
                });
    }

    private static ExperimentSpec grid(int sizes, int seeds, int limits, int trainers) {
        List<String> names = List.of("exact", "ste", "tame", "dnn").subList(0, trainers);
        return new ExperimentSpec("p", List.of("bcw"), IntStream.rangeClosed(1, sizes).map(i -> 10 * i).boxed().toList(),
                0.2, List.of(List.of(5)), List.of("bdnn"), List.of("real"), names, List.of("zero-one"),
                List.of("ojalgo", "highs"), LongStream.rangeClosed(1, seeds).boxed().toList(),
                IntStream.rangeClosed(1, limits).mapToObj(i -> (double) i).toList(), Map.of(), Set.of("ste", "dnn"));
    }
}
