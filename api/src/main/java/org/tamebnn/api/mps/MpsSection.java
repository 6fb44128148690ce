package org.tamebnn.api.mps;

import java.util.Locale;

/** The MPS sections this package reads, in the order they usually appear. */
enum MpsSection {
    NAME,
    OBJSENSE,
    OBJNAME,
    ROWS,
    COLUMNS,
    RHS,
    RANGES,
    BOUNDS,
    ENDATA;

    /** All keywords, for error messages. */
    static final String KEYWORDS = "NAME, OBJSENSE, OBJNAME, ROWS, COLUMNS, RHS, RANGES, BOUNDS, ENDATA";

    /** The section a header keyword starts, or null when it is none of ours. */
    static MpsSection byKeyword(String keyword) {
        String k = keyword.toUpperCase(Locale.ROOT);
        for (MpsSection s : values()) {
            if (s.name().equals(k)) {
                return s;
            }
        }
        return null;
    }
}
