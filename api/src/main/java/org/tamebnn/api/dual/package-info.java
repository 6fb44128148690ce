/**
 * The dual-function extension point (Guzelsoy &amp; Ralphs 2007; Aspman, Korpas &amp; Marecek,
 * equations (5)–(14)). A {@link org.tamebnn.api.dual.DualConstructor} turns a MILP into a
 * {@link org.tamebnn.api.dual.DualFunction} F of the right-hand side d of chosen rows, with
 * F(d) ≤ z(d) for the value function z, and says by which {@link org.tamebnn.api.dual.Certificate}
 * that holds. {@link org.tamebnn.api.dual.RightHandSide} says what "the right-hand side" of a row
 * is and builds the model at another one.
 */
@Export
@Version("1.2.0")
package org.tamebnn.api.dual;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
