package org.tamebnn.data;

/**
 * A cell the source left empty or marked missing ({@code ?}, {@code NA}, ...).
 *
 * @param row the 0-based row in the {@link RawDataset}
 * @param feature the 0-based feature index
 * @param featureName the feature's name
 * @param line the 1-based line in the source file, or 0 when the data came from no file
 */
public record MissingCell(int row, int feature, String featureName, int line) {
}
