package org.tamebnn.api.mps;

/** The two layouts of an MPS file. */
public enum MpsFormat {
    /**
     * Fields at fixed column positions (2–3, 5–12, 15–22, 25–36, 40–47, 50–61), so names may contain
     * spaces but are at most 8 characters long.
     */
    FIXED,
    /** Whitespace-separated fields; names of any length, without spaces. */
    FREE
}
