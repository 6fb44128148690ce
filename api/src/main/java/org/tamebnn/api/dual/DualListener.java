package org.tamebnn.api.dual;

/**
 * Hears a construction's progress, on the constructing thread: keep it quick.
 *
 * @since 1.2
 */
@FunctionalInterface
public interface DualListener {
    DualListener NONE = progress -> { };

    void onProgress(DualProgress progress);
}
