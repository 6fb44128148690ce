package org.tamebnn.data;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * How the class labels of a data set, in whatever spelling, map to the class indices
 * {@code 0..K-1} that training uses. The list position of a {@link ClassLabel} is its index.
 *
 * <p>{@link #fromLabels} fixes the order so that the same file always gives the same indices:
 * when every label is a number they are sorted numerically (so Breast Cancer Wisconsin's benign 2
 * becomes 0 and malignant 4 becomes 1), otherwise lexicographically by their text ({@code "no"}
 * before {@code "yes"}; case matters). Labels are compared as text, so {@code "1"} and
 * {@code "1.0"} would be two classes.
 *
 * @param classes the classes, in index order
 */
public record LabelMapping(List<ClassLabel> classes) {

    /** Copies the list and checks that no original spelling appears twice. */
    public LabelMapping {
        classes = List.copyOf(classes);
        var seen = new LinkedHashSet<String>();
        for (ClassLabel c : classes) {
            if (!seen.add(c.original())) {
                throw new IllegalArgumentException("class label '" + c.original() + "' appears twice");
            }
        }
    }

    /**
     * The mapping for a set of distinct labels: numeric labels sorted numerically, others
     * lexicographically.
     *
     * @param originals the distinct labels as spelled in the data, in any order
     */
    public static LabelMapping fromLabels(Collection<String> originals) {
        List<String> distinct = new ArrayList<>(new LinkedHashSet<>(originals));
        boolean allNumeric = distinct.stream().allMatch(s -> NumberCells.parse(s).isPresent());
        Comparator<String> order = allNumeric
                ? Comparator.<String>comparingDouble(s -> NumberCells.parse(s).orElseThrow())
                        .thenComparing(Comparator.naturalOrder())
                : Comparator.naturalOrder();
        distinct.sort(order);
        return new LabelMapping(distinct.stream().map(ClassLabel::of).toList());
    }

    /**
     * The same mapping with readable names for some classes.
     *
     * @param names readable names by original spelling; spellings not present are ignored
     */
    public LabelMapping withNames(Map<String, String> names) {
        return new LabelMapping(classes.stream()
                .map(c -> new ClassLabel(c.original(), names.getOrDefault(c.original(), c.name())))
                .toList());
    }

    /** The number of classes K. */
    public int classCount() {
        return classes.size();
    }

    /** The class with index {@code index}. */
    public ClassLabel label(int index) {
        return classes.get(index);
    }

    /** The index of the class spelled {@code original}, if there is one. */
    public OptionalInt indexOf(String original) {
        for (int k = 0; k < classes.size(); k++) {
            if (classes.get(k).original().equals(original)) {
                return OptionalInt.of(k);
            }
        }
        return OptionalInt.empty();
    }

    /** The classes' display names ({@link ClassLabel#display()}) in index order. */
    public List<String> displayNames() {
        return classes.stream().map(ClassLabel::display).toList();
    }

    /** The mapping for people, e.g. {@code "2 (benign) → 0, 4 (malignant) → 1"}. */
    public String describe() {
        var parts = new ArrayList<String>();
        for (int k = 0; k < classes.size(); k++) {
            parts.add(classes.get(k).display() + " → " + k);
        }
        return String.join(", ", parts);
    }

    /** An index for fast lookup while parsing many rows. */
    Map<String, Integer> indexByOriginal() {
        var map = new HashMap<String, Integer>();
        for (int k = 0; k < classes.size(); k++) {
            map.put(classes.get(k).original(), k);
        }
        return map;
    }

    @Override
    public String toString() {
        return describe();
    }
}
