package org.tamebnn.launcher;

import java.nio.file.Path;

import org.eclipse.osgi.launch.EquinoxFactory;

/**
 * The distribution's bundles, the very same {@code bundle/} folder, on Eclipse Equinox instead of
 * Felix: every check of {@link PlatformContract}. Equinox needs no configuration of its own: the
 * bundles declare every package they use (sun.misc and com.sun.management included, which both
 * frameworks' system bundles export), so neither Felix's implicit boot delegation nor Equinox's
 * {@code osgi.compatibility.bootdelegation} is relied on.
 *
 * <p>Runs in the failsafe execution "equinox", whose class path has Equinox and not Felix; the
 * factory is still passed explicitly, as an embedding application would.
 */
class EquinoxIT extends PlatformContract {
    @Override
    String frameworkClass() {
        return "org.eclipse.osgi.launch.EquinoxFactory";
    }

    @Override
    String systemBundle() {
        return "org.eclipse.osgi";
    }

    @Override
    Platform start(Path home, Path plugins) throws Exception {
        return Platform.start(new EquinoxFactory(), home, plugins, false, false);
    }
}
