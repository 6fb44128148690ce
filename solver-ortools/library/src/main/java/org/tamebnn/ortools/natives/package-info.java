/**
 * Loads Google OR-Tools' native libraries, once per JVM, from the bundle that holds OR-Tools'
 * classes. Adapters call {@link org.tamebnn.ortools.natives.OrToolsNatives#ensureLoaded()} before
 * touching any OR-Tools class with native methods.
 */
@Export
@Version("1.0.0")
package org.tamebnn.ortools.natives;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
