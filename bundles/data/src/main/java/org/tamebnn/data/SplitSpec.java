package org.tamebnn.data;

/**
 * How to split a data set into a training and a test part: a seeded shuffle, then the first
 * {@link #testCount(int) ⌈testFraction·n⌉} shuffled rows are the test part and the rest the
 * training part, as scikit-learn's {@code train_test_split} sizes them (Breast Cancer Wisconsin,
 * 699 rows, fraction 0.2: 140 test, 559 train, as in Bah &amp; Kurtz). The size is computed as
 * scikit-learn does, in floating point, so it shares its rare round-up (0.1·30 gives 4, not 3).
 *
 * <p>The shuffle uses {@link java.util.Random}, whose algorithm the Java specification fixes, so a
 * seed gives the same split on every JDK. It cannot reproduce scikit-learn's (NumPy's) permutation
 * for the same seed: the paper's exact split is not recoverable, only its sizes.
 *
 * @param seed the shuffle's seed
 * @param testFraction the share of rows in the test part, strictly between 0 and 1
 * @param trainSize how many of the shuffled training rows to train on (the first K); 0 for all of them
 * @param stratified whether each class keeps its share in both parts (default off, as in the paper)
 * @param perClass when positive, the training rows are this many rows of each class, drawn with the
 *        seed from all rows, and every other row is a test row (few-shot learning, as the MNIST
 *        anchors train); the test fraction and {@code trainSize} are then not used
 */
public record SplitSpec(long seed, double testFraction, int trainSize, boolean stratified, int perClass) {

    /** {@link #trainSize} meaning "the whole training part". */
    public static final int ALL = 0;

    /** Checks the fraction and the training size. */
    public SplitSpec {
        if (!(testFraction > 0 && testFraction < 1)) {
            throw new IllegalArgumentException("test fraction must be strictly between 0 and 1, not " + testFraction);
        }
        if (trainSize < 0) {
            throw new IllegalArgumentException("training size must be positive (or 0 for all), not " + trainSize);
        }
        if (perClass < 0) {
            throw new IllegalArgumentException("rows per class must be positive (or 0 for a fraction split), not "
                    + perClass);
        }
        if (perClass > 0 && trainSize != ALL) {
            throw new IllegalArgumentException("a training size and rows per class exclude each other");
        }
    }

    /** A split without rows per class. */
    public SplitSpec(long seed, double testFraction, int trainSize, boolean stratified) {
        this(seed, testFraction, trainSize, stratified, 0);
    }

    /** A plain (not stratified) split of the whole training part. */
    public static SplitSpec of(long seed, double testFraction) {
        return new SplitSpec(seed, testFraction, ALL, false);
    }

    /** The same split, training on the first {@code k} shuffled training rows only ({@code --train-size K}). */
    public SplitSpec trainSize(int k) {
        if (k < 1) {
            throw new IllegalArgumentException("training size must be at least 1, not " + k);
        }
        return new SplitSpec(seed, testFraction, k, stratified);
    }

    /** The same split, stratified by class or not. */
    public SplitSpec stratified(boolean on) {
        return new SplitSpec(seed, testFraction, trainSize, on, perClass);
    }

    /** {@code n} training rows of each class drawn with the seed, every other row a test row ({@code --per-class N}). */
    public SplitSpec perClass(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("rows per class must be at least 1, not " + n);
        }
        return new SplitSpec(seed, testFraction, ALL, stratified, n);
    }

    /** The number of test rows out of {@code n}: ⌈testFraction·n⌉. */
    public int testCount(int n) {
        return (int) Math.ceil(testFraction * n);
    }

    /** The size of the training part out of {@code n} rows, before {@link #trainSize} takes its share. */
    public int trainPartCount(int n) {
        return n - testCount(n);
    }

    /** For reports, e.g. {@code "seed 42, test fraction 0.2, train size 25"}. */
    public String describe() {
        if (perClass > 0) {
            return "seed " + seed + ", " + perClass + " per class, every other row for testing";
        }
        return "seed " + seed + ", test fraction " + testFraction
                + (trainSize == ALL ? "" : ", train size " + trainSize) + (stratified ? ", stratified" : "");
    }
}
