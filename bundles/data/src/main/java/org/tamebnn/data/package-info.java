/**
 * Data sets for training binarized neural networks: loading, splitting, missing values and
 * scaling.
 *
 * <p>Loading gives a {@link org.tamebnn.data.RawDataset}, which still holds the file's missing
 * cells: {@link org.tamebnn.data.BuiltinDatasets} reads the shipped Breast Cancer Wisconsin data
 * sets ({@code bcw}, {@code wdbc}), {@link org.tamebnn.data.CsvDatasetLoader} reads any user CSV
 * file, and {@link org.tamebnn.data.RandomDataGenerator} draws the random data of Bah &amp; Kurtz,
 * Section 5. One call then prepares it for training:
 *
 * <pre>{@code
 * PreparedData p = DataPipeline.prepare(BuiltinDatasets.load("bcw"),
 *         SplitSpec.of(42, 0.2).trainSize(25), MissingValuePolicy.TRAIN_MEDIAN);
 * }</pre>
 *
 * <p>which splits with a seed, resolves missing values by the policy, and min–max scales both
 * parts with a scaler fitted on the training points only. The resulting
 * {@link org.tamebnn.data.Dataset}s never hold {@code NaN}. Every problem with the input is a
 * {@link org.tamebnn.data.DataException} whose message names the file, line and column.
 */
@Export
@Version("2.2.0")
package org.tamebnn.data;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
