package org.tamebnn.api.training;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A trainer's option values, checked against the {@link TrainerOption}s it declares: every key is
 * one of them and every value fits its type, so the getters only read. Options not given read as
 * their declared defaults.
 */
public final class TrainerOptions {
    private final String trainer;
    private final List<TrainerOption> declared;
    private final Map<String, String> given;

    private TrainerOptions(String trainer, List<TrainerOption> declared, Map<String, String> given) {
        this.trainer = trainer;
        this.declared = declared;
        this.given = given;
    }

    /**
     * The values {@code given} for {@code trainer}, checked.
     *
     * @throws TrainingException naming an option the trainer does not take (and those it does), or a bad value
     */
    public static TrainerOptions of(String trainer, List<TrainerOption> declared, Map<String, String> given) {
        for (Map.Entry<String, String> e : given.entrySet()) {
            TrainerOption option = declared.stream().filter(o -> o.matches(e.getKey())).findFirst()
                    .orElseThrow(() -> new TrainingException("trainer " + trainer + " has no option '" + e.getKey()
                            + "' (it takes: " + names(declared) + ")"));
            option.check(e.getValue());
        }
        return new TrainerOptions(trainer, List.copyOf(declared), Collections.unmodifiableMap(new TreeMap<>(given)));
    }

    /** The names of {@code options}, sorted, or "none". */
    public static String names(List<TrainerOption> options) {
        TreeSet<String> names = new TreeSet<>();
        options.forEach(o -> names.add(o.type() == TrainerOption.Type.PREFIX ? o.name() + "*" : o.name()));
        return names.isEmpty() ? "none" : String.join(", ", names);
    }

    public String trainer() {
        return trainer;
    }

    /** The values given (not the defaults), sorted by key. */
    public Map<String, String> given() {
        return given;
    }

    /** The value given for {@code key}, if it was given. */
    public Optional<String> value(String key) {
        return Optional.ofNullable(given.get(key));
    }

    public String text(String key) {
        return value(key).orElseGet(() -> option(key).defaultValue()).strip();
    }

    public int integer(String key) {
        return Integer.parseInt(text(key));
    }

    /** The integer given for {@code key}, or {@code fallback} (for options whose default depends on the run). */
    public int integer(String key, int fallback) {
        return value(key).map(v -> Integer.parseInt(v.strip())).orElse(fallback);
    }

    public double number(String key) {
        return Double.parseDouble(text(key));
    }

    /** The values given under the prefix option {@code prefix}, the prefix removed ({@code dual.nodes=500 → nodes=500}). */
    public Map<String, String> prefixed(String prefix) {
        Map<String, String> out = new LinkedHashMap<>();
        given.forEach((k, v) -> {
            if (k.startsWith(prefix)) {
                out.put(k.substring(prefix.length()), v);
            }
        });
        return out;
    }

    private TrainerOption option(String key) {
        return declared.stream().filter(o -> o.name().equals(key)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("trainer " + trainer + " declares no option " + key));
    }
}
