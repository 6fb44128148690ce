/**
 * The training extension point and the pipeline as a service. A {@link org.tamebnn.api.training.Trainer}
 * (the fourth extension point beside solvers, dual constructions and losses) turns a
 * {@link org.tamebnn.api.training.TrainingRequest} into a {@link org.tamebnn.api.training.TrainerResult};
 * the {@link org.tamebnn.api.training.TrainingService} takes one immutable
 * {@link org.tamebnn.api.training.RunSpec} — data, split, network, formulation, loss, trainer, solver
 * and limits — prepares the data, runs the trainer on the installed solvers and returns a typed
 * {@link org.tamebnn.api.training.TrainingOutcome} with the network evaluated on the held-out rows.
 * The console, the experiment runner, the benchmarks and any platform embedding the bundles drive
 * the same service.
 */
@Export
@Version("2.0.0")
package org.tamebnn.api.training;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
