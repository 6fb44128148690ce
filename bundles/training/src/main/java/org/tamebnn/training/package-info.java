/**
 * The training service outside OSGi ({@link org.tamebnn.training.TrainingServices}). Inside OSGi the
 * service is a Declarative Services component registered as
 * {@link org.tamebnn.api.training.TrainingService}.
 */
@Export
@Version("1.0.0")
package org.tamebnn.training;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
