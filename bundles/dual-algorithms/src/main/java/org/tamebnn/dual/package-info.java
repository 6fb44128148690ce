/**
 * The science of dual functions that callers use directly: the subadditive-dual check (Aspman et
 * al. (7)), the value function of a MILP in one or two right-hand-side coordinates, its best
 * k-piece piecewise-linear fits (their (14)), the paper's running example (10)/(11), and plots.
 * The constructions themselves are {@link org.tamebnn.api.dual.DualConstructor} services in a
 * private package.
 */
@Export
@Version("1.0.0")
package org.tamebnn.dual;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
