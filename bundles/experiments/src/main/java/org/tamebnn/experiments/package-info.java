/**
 * Experiment grids: an {@link org.tamebnn.experiments.ExperimentSpec} read from YAML or JSON, its
 * {@link org.tamebnn.experiments.Cell}s with stable keys, deterministic
 * {@link org.tamebnn.experiments.Shard}s for batch schedulers, the
 * {@link org.tamebnn.experiments.ExperimentRunner} that resumes a grid and records every finished
 * cell at once, and the JDBC {@link org.tamebnn.experiments.ResultStore} (embedded H2 by default,
 * PostgreSQL for grids spread over machines). What a cell <em>does</em> is the caller's
 * {@link org.tamebnn.experiments.CellExecutor}: this package knows no trainer or solver.
 */
@Export
@Version("3.0.0")
package org.tamebnn.experiments;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
