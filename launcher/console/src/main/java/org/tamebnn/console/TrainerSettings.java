package org.tamebnn.console;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A trainer's own options, from {@code --trainer-options key=value,key=value}: parsed once, read
 * with typed getters that name the option in their errors, and checked against the keys the
 * trainer knows so that a misspelt option is an error, not silently ignored.
 */
final class TrainerSettings {
    private final Map<String, String> values;

    private TrainerSettings(Map<String, String> values) {
        this.values = values;
    }

    static TrainerSettings parse(String text) {
        Map<String, String> values = new LinkedHashMap<>();
        if (text != null && !text.isBlank()) {
            for (String part : text.split(",")) {
                int eq = part.indexOf('=');
                if (eq <= 0) {
                    throw new CommandFailure("--trainer-options takes key=value pairs separated by commas, got '"
                            + part.strip() + "'");
                }
                values.put(part.substring(0, eq).strip(), part.substring(eq + 1).strip());
            }
        }
        return new TrainerSettings(values);
    }

    /** Options given as a map (an experiment spec's {@code trainerOptions} of one trainer). */
    static TrainerSettings of(Map<String, String> values) {
        return new TrainerSettings(new LinkedHashMap<>(values));
    }

    /** Fails naming the options {@code trainer} does not take, and the ones it does. */
    void check(String trainer, Set<String> known) {
        for (String key : values.keySet()) {
            boolean prefixed = known.stream().anyMatch(k -> k.endsWith("*") && key.startsWith(k.substring(0, k.length() - 1)));
            if (!known.contains(key) && !prefixed) {
                throw new CommandFailure("trainer " + trainer + " has no option '" + key + "' (it takes: "
                        + (known.isEmpty() ? "none" : String.join(", ", new TreeSet<>(known))) + ")");
            }
        }
    }

    String string(String key, String fallback) {
        return values.getOrDefault(key, fallback);
    }

    int integer(String key, int fallback, int min) {
        String v = values.get(key);
        if (v == null) {
            return fallback;
        }
        try {
            int x = Integer.parseInt(v);
            if (x < min) {
                throw new CommandFailure("trainer option " + key + " must be at least " + min + ", got " + x);
            }
            return x;
        } catch (NumberFormatException e) {
            throw new CommandFailure("trainer option " + key + " must be an integer, got '" + v + "'");
        }
    }

    double number(String key, double fallback) {
        String v = values.get(key);
        if (v == null) {
            return fallback;
        }
        try {
            double x = Double.parseDouble(v);
            if (!Double.isFinite(x)) {
                throw new NumberFormatException();
            }
            return x;
        } catch (NumberFormatException e) {
            throw new CommandFailure("trainer option " + key + " must be a number, got '" + v + "'");
        }
    }

    /** The options whose keys start with {@code prefix}, the prefix removed (dual.nodes=500 → nodes=500). */
    Map<String, String> prefixed(String prefix) {
        Map<String, String> out = new LinkedHashMap<>();
        values.forEach((k, v) -> {
            if (k.startsWith(prefix)) {
                out.put(k.substring(prefix.length()), v);
            }
        });
        return out;
    }
}
