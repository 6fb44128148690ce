package org.tamebnn.data;

/**
 * What the {@link MissingValuePolicy#TRAIN_MEDIAN} policy filled in for one feature, for reports.
 *
 * @param feature the feature index
 * @param featureName the feature's name
 * @param value the training median written into the missing cells (in the data's own units, before scaling)
 * @param trainCells how many missing cells of the training points were filled
 * @param testCells how many missing cells of the test part were filled
 */
public record Imputation(int feature, String featureName, double value, int trainCells, int testCells) {

    /** For reports, e.g. {@code "Bare Nuclei: 2 train + 1 test missing cells set to the training median 1.0"}. */
    public String describe() {
        return featureName + ": " + trainCells + " train + " + testCells
                + " test missing cells set to the training median " + value;
    }
}
