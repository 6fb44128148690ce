package org.tamebnn.data;

import java.util.Arrays;
import java.util.Locale;

/**
 * What to do with missing cells (Breast Cancer Wisconsin has 16, all in Bare Nuclei). Applied by
 * {@link DataPipeline#prepare}, never silently at load time.
 */
public enum MissingValuePolicy {
    /**
     * The default: fill each missing cell with the median of its feature over the points used for
     * training (the {@link SplitSpec#trainSize K-subset} when one is taken), so that no value of
     * the test part leaks into training. Test cells are filled with the same training median.
     */
    TRAIN_MEDIAN("median"),
    /** Drop every row with a missing cell before splitting (Breast Cancer Wisconsin: 699 → 683 rows). */
    DROP("drop");

    private final String cliName;

    MissingValuePolicy(String cliName) {
        this.cliName = cliName;
    }

    /** The name on the command line: {@code median} or {@code drop}. */
    public String cliName() {
        return cliName;
    }

    /**
     * The policy named on a command line ({@code --missing median|drop}), case-insensitively;
     * {@code train-median} and the constant names are accepted too.
     *
     * @throws IllegalArgumentException naming the choices, if the text names none
     */
    public static MissingValuePolicy parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        for (MissingValuePolicy p : values()) {
            if (t.equals(p.cliName) || t.equals(p.name().toLowerCase(Locale.ROOT).replace('_', '-'))) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown missing-value policy '" + text + "': choose one of "
                + String.join(", ", Arrays.stream(values()).map(MissingValuePolicy::cliName).toList()));
    }
}
