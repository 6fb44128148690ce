/**
 * The solver conformance kit: extend {@link org.tamebnn.tck.MilpSolverConformanceTest} in a
 * plugin's tests to run every known-answer and MIPLIB check against it.
 */
@Export
@Version("3.1.0")
package org.tamebnn.tck;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
