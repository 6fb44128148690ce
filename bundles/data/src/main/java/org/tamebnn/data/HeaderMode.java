package org.tamebnn.data;

/** Whether the first row of a CSV file is a header line. */
public enum HeaderMode {
    /**
     * Decide from the file: the first row is a header when one of its cells in a feature column (not
     * the label, not a dropped column) is neither a number nor a missing-value token. A header is
     * also assumed whenever a column is referred to by name.
     */
    AUTO,
    /** The first row is a header. */
    PRESENT,
    /** There is no header: the first row is data. */
    ABSENT
}
