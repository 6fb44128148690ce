package org.tamebnn.experiments;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One of N disjoint parts of a grid, written {@code i/N} with {@code 1 <= i <= N} (so a Slurm job
 * array {@code --array=1-N} passes {@code $SLURM_ARRAY_TASK_ID/N} as it is; a Kubernetes indexed
 * job, whose index starts at 0, passes {@code $((JOB_COMPLETION_INDEX+1))/N}).
 *
 * <p>Cells are dealt round-robin over the spec's enumeration order: cell {@code k} belongs to shard
 * {@code k mod N + 1}. Chosen over a hash of the cell key because a batch array finishes when its
 * slowest task does: dealing gives every shard the same number of cells (within one), and since
 * seeds and time limits vary fastest in that order, each shard gets a like mix of small and large
 * cells. A hash would spread cells only on average (with 40 cells on 8 shards, some would get
 * twice the mean). The price is that the deal depends on the spec, so every task of one array must
 * read the same spec file; the store's unique key keeps a mixed-up deal from recording a cell twice,
 * and a later run picks up whatever was missed.
 *
 * @param index 1-based shard number
 * @param count number of shards
 */
public record Shard(int index, int count) {

    /** The whole grid. */
    public static final Shard ALL = new Shard(1, 1);

    private static final Pattern FORM = Pattern.compile("\\s*(\\d+)\\s*/\\s*(\\d+)\\s*");

    public Shard {
        if (count < 1) throw new IllegalArgumentException("a grid splits into at least 1 shard, got " + count);
        if (index < 1 || index > count) {
            throw new IllegalArgumentException("shard " + index + "/" + count + ": the shard number runs from 1 to " + count);
        }
    }

    /** Parses {@code i/N}; the message of the exception says what is wrong with the text. */
    public static Shard parse(String text) {
        Matcher m = FORM.matcher(text == null ? "" : text);
        if (!m.matches()) {
            throw new IllegalArgumentException("--shard takes i/N (the i-th of N parts, 1 <= i <= N), got '" + text + "'");
        }
        try {
            return new Shard(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--shard " + text + ": numbers too large");
        }
    }

    /** True when the cell is this shard's to run. */
    public boolean contains(Cell cell) {
        return cell.index() % count == index - 1;
    }

    /** This shard's cells, in order. */
    public List<Cell> select(List<Cell> cells) {
        return cells.stream().filter(this::contains).toList();
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}
