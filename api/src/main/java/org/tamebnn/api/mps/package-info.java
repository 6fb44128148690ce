/**
 * Reading and writing {@link org.tamebnn.api.milp.MilpModel}s as MPS files, the interchange format
 * every MILP solver and benchmark library (MIPLIB, Netlib) understands.
 *
 * <p>{@link org.tamebnn.api.mps.MpsReader} reads fixed and free MPS, gzipped or not, and reports
 * every problem as an {@link org.tamebnn.api.mps.MpsException} naming the file, line and field;
 * {@link org.tamebnn.api.mps.MpsWriter} writes models so that reading them back gives an identical
 * model.
 */
@Export
@Version("1.0.0")
package org.tamebnn.api.mps;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
