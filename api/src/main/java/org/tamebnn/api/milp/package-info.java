/**
 * Solver-neutral mixed-integer linear programs and the {@link org.tamebnn.api.milp.MilpSolver}
 * extension point that every solver plugin implements.
 *
 * <p>A {@link org.tamebnn.api.milp.MilpModel} is immutable and validated when built; a solver turns
 * it into a {@link org.tamebnn.api.milp.SolveResult} whose status says honestly how the solve
 * ended: the reason apart from the limit that stopped it, never overstated. Unknown quantities (a bound a backend does not report, say) are {@code NaN}, never
 * invented.
 */
@Export
@Version("2.0.0")
package org.tamebnn.api.milp;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
