package org.tamebnn.training.internal;

import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;

import org.apache.commons.text.similarity.LevenshteinDistance;

/** "Did you mean" for a misspelt name: the closest known one within two edits, if any. */
final class Suggestions {
    private static final LevenshteinDistance WITHIN_TWO = new LevenshteinDistance(2);

    private Suggestions() {
    }

    /** {@code " (did you mean 'x'?)"}, or "" when no known name is close. */
    static String of(String given, Collection<String> known) {
        return known.stream().filter(k -> distance(k, given) >= 0)
                .min(Comparator.comparingInt(k -> distance(k, given)))
                .map(k -> " (did you mean '" + k + "'?)").orElse("");
    }

    private static int distance(String a, String b) {
        return WITHIN_TWO.apply(a.toLowerCase(Locale.ROOT), b.toLowerCase(Locale.ROOT));
    }
}
