/**
 * Binarized neural networks (BNNs) trained exactly as mixed-integer linear programs, after
 * Bah &amp; Kurtz, <i>An integer programming approach to deep neural networks with binary
 * activation functions</i> (Lemma 1 and Theorem 2).
 *
 * <p>The pipeline, in the types of this package:
 * <ol>
 * <li>a {@link org.tamebnn.bnn.BnnSpec} says what network to train (input width, hidden widths,
 * classes, variant BDNN/BDNN0, real or binary weights, sparsity budget, the gap ε);</li>
 * <li>{@link org.tamebnn.bnn.BnnFormulation#build} turns a training set, the spec,
 * {@link org.tamebnn.bnn.FormulationOptions} and a loss into a {@link org.tamebnn.bnn.BnnMilp}: a
 * solver-neutral {@link org.tamebnn.api.milp.MilpModel} plus the index of its variables
 * ({@link org.tamebnn.bnn.BnnVariables});</li>
 * <li>{@link org.tamebnn.bnn.ExactTrainer} solves it on any {@link org.tamebnn.api.milp.MilpSolver},
 * reads back a {@link org.tamebnn.bnn.TrainedBnn} (weights, thresholds, forward pass), checks that
 * the forward pass reproduces the solver's activations and loss
 * ({@link org.tamebnn.bnn.ConsistencyReport}) and returns a {@link org.tamebnn.bnn.TrainingResult};</li>
 * <li>{@link org.tamebnn.bnn.Evaluation} scores a network on any data set (accuracy, confusion
 * matrix, precision, recall, F1).</li>
 * </ol>
 *
 * <p>Layers are numbered from 0 in this API (index 0 is the paper's first layer ℓ = 1, whose input
 * is the data point); names inside the MILP use the paper's numbering from 1.
 */
@Export
@Version("3.0.0")
package org.tamebnn.bnn;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
