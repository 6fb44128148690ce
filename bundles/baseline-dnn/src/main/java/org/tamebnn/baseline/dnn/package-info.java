/**
 * The DNN baseline of Bah &amp; Kurtz's Section 5: one hidden layer of ReLU neurons, a softmax
 * output, trained on the cross-entropy loss by mini-batch gradient descent. The network and its
 * training are Smile's {@code MLP}; this package adds seeding, the per-epoch loss curve, and a clear
 * message when the native BLAS it calls is missing ({@link org.tamebnn.baseline.dnn.OpenBlas}).
 */
@Export
@Version("1.0.0")
package org.tamebnn.baseline.dnn;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
