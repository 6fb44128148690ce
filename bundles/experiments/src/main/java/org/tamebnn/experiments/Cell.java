package org.tamebnn.experiments;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * One point of a grid: every parameter of one run. {@link #key()} identifies the cell across runs,
 * processes and machines (it is a hash of {@link #canonical()}, which names every parameter and
 * nothing else); {@link #index()} is its position in the spec's enumeration order, which sharding
 * uses and which is not part of the key.
 *
 * @param index position in {@link ExperimentSpec#cells()}, from 0
 * @param dataset {@code bcw}, {@code wdbc} or a CSV path as written in the spec
 * @param trainSize training points, {@link ExperimentSpec#ALL_TRAINING_POINTS} for all
 * @param testFraction fraction of the data held out for testing
 * @param hidden hidden layer widths, first layer first
 * @param variant {@code bdnn} or {@code bdnn0}
 * @param weights {@code real} or {@code binary}
 * @param trainer trainer name
 * @param loss loss name
 * @param solver solver name, {@link #NO_SOLVER} for trainers that use none
 * @param seed the seed for the split and the trainer
 * @param timeLimitSeconds the run's time limit in seconds
 * @param trainerOptions this trainer's options from the spec (sorted by name)
 */
public record Cell(int index, String dataset, int trainSize, double testFraction, List<Integer> hidden,
        String variant, String weights, String trainer, String loss, String solver, long seed,
        double timeLimitSeconds, Map<String, String> trainerOptions) {

    /** The solver of a cell whose trainer uses no solver. */
    public static final String NO_SOLVER = "-";

    public Cell {
        Objects.requireNonNull(dataset, "dataset");
        hidden = List.copyOf(hidden);
        Objects.requireNonNull(variant, "variant");
        Objects.requireNonNull(weights, "weights");
        Objects.requireNonNull(trainer, "trainer");
        Objects.requireNonNull(loss, "loss");
        Objects.requireNonNull(solver, "solver");
        // sorted, so that the canonical form (and so the key) does not depend on the spec's order
        trainerOptions = java.util.Collections.unmodifiableMap(new TreeMap<>(trainerOptions));
    }

    /**
     * Every parameter, by name, in a fixed order and format: two cells with equal parameters have
     * equal canonical forms on any machine (numbers are written by {@link Long#toString} and
     * {@link Double#toString}, which the Java specification fixes).
     */
    public String canonical() {
        return "dataset=" + escape(dataset)
                + "|train=" + trainSize
                + "|test=" + testFraction
                + "|hidden=" + hiddenText()
                + "|variant=" + escape(variant)
                + "|weights=" + escape(weights)
                + "|trainer=" + escape(trainer)
                + "|loss=" + escape(loss)
                + "|solver=" + escape(solver)
                + "|seed=" + seed
                + "|time=" + timeLimitSeconds
                + "|options=" + trainerOptions.entrySet().stream()
                        .map(e -> escape(e.getKey()) + "=" + escape(e.getValue()))
                        .collect(Collectors.joining(",", "{", "}"));
    }

    /** The cell's identity: the SHA-256 of {@link #canonical()}, 64 lowercase hex digits. */
    public String key() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(canonical().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** The train size as the spec writes it: a number, or {@code all}. */
    public String trainSizeText() {
        return trainSize == ExperimentSpec.ALL_TRAINING_POINTS ? "all" : String.valueOf(trainSize);
    }

    /** The hidden widths as {@code 5,3}. */
    public String hiddenText() {
        return hidden.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    /** True for a trainer that runs no solver, whose cells are not multiplied by the solvers. */
    public boolean usesSolver() {
        return !NO_SOLVER.equals(solver);
    }

    /** A short description for progress lines, e.g. {@code bcw n=100 [5,3] exact/ojalgo seed=1}. */
    public String label() {
        return dataset + " n=" + trainSizeText() + " [" + hiddenText() + "] " + variant + "/" + weights + " "
                + trainer + (usesSolver() ? "/" + solver : "") + " " + loss + " seed=" + seed + " t="
                + (timeLimitSeconds == Math.rint(timeLimitSeconds)
                        ? String.valueOf((long) timeLimitSeconds) : String.valueOf(timeLimitSeconds))
                + "s";
    }

    // options may hold any text: the separators of the canonical form are escaped so that two
    // different option maps never print alike
    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace(",", "\\,").replace("=", "\\=").replace("}", "\\}")
                .replace("|", "\\|");
    }
}
