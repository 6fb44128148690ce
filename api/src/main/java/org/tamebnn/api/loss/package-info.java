/**
 * The loss-function extension point: a {@link org.tamebnn.api.loss.LossFunction} turns one network
 * output and its target into objective terms of a training MILP, and gives the loss's value and a
 * subgradient for gradient-based trainers.
 */
@Export
@Version("1.2.0")
package org.tamebnn.api.loss;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
