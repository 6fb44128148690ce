package org.tamebnn.api.training;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One option a {@link Trainer} takes ({@code --trainer-options key=value}): what help prints,
 * what validation checks and what "did you mean" suggests from.
 *
 * @param name         the key; for {@link Type#PREFIX} the prefix every such key starts with (e.g. {@code dual.})
 * @param type         how the value is read
 * @param defaultValue the value when the option is not given, as text (empty for none)
 * @param description  one line: what it does
 * @param choices      the allowed values of a {@link Type#CHOICE}, else empty
 * @param minimum      the least allowed value of an {@link Type#INTEGER} or {@link Type#NUMBER}
 *                     ({@code -Infinity} for none)
 * @param exclusive    true when {@code minimum} itself is not allowed (a step size: any positive number)
 */
public record TrainerOption(String name, Type type, String defaultValue, String description, List<String> choices,
        double minimum, boolean exclusive) {

    /** How an option's value is read. */
    public enum Type {
        /** A whole number, at least {@link #minimum()}. */
        INTEGER,
        /** A finite number, at least {@link #minimum()}. */
        NUMBER,
        /** One of {@link #choices()}. */
        CHOICE,
        /** Any text. */
        TEXT,
        /** A family of keys starting with {@link #name()}, passed on to something else (text values). */
        PREFIX
    }

    public TrainerOption {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(defaultValue, "defaultValue");
        Objects.requireNonNull(description, "description");
        choices = List.copyOf(choices);
        if (type == Type.CHOICE && !choices.contains(defaultValue)) {
            throw new IllegalArgumentException("option " + name + ": default '" + defaultValue + "' is not one of "
                    + choices);
        }
    }

    public static TrainerOption integer(String name, int defaultValue, int minimum, String description) {
        return new TrainerOption(name, Type.INTEGER, String.valueOf(defaultValue), description, List.of(), minimum,
                false);
    }

    /** An integer option whose default depends on the run (the description says how). */
    public static TrainerOption integer(String name, int minimum, String description) {
        return new TrainerOption(name, Type.INTEGER, "", description, List.of(), minimum, false);
    }

    public static TrainerOption number(String name, double defaultValue, double minimum, String description) {
        return new TrainerOption(name, Type.NUMBER, Double.toString(defaultValue), description, List.of(), minimum,
                false);
    }

    /** A number that must be greater than 0 (a step size, a rate). */
    public static TrainerOption positive(String name, double defaultValue, String description) {
        return new TrainerOption(name, Type.NUMBER, Double.toString(defaultValue), description, List.of(), 0, true);
    }

    public static TrainerOption choice(String name, String defaultValue, List<String> choices, String description) {
        return new TrainerOption(name, Type.CHOICE, defaultValue, description, choices, Double.NEGATIVE_INFINITY, false);
    }

    public static TrainerOption text(String name, String defaultValue, String description) {
        return new TrainerOption(name, Type.TEXT, defaultValue, description, List.of(), Double.NEGATIVE_INFINITY, false);
    }

    public static TrainerOption prefix(String prefix, String description) {
        return new TrainerOption(prefix, Type.PREFIX, "", description, List.of(), Double.NEGATIVE_INFINITY, false);
    }

    /** True when {@code key} is this option's key (or, for a prefix, one of its family). */
    public boolean matches(String key) {
        return type == Type.PREFIX ? key.startsWith(name) && key.length() > name.length() : key.equals(name);
    }

    /**
     * Checks {@code value} for this option.
     *
     * @throws TrainingException naming the option, what it takes and what it got
     */
    public void check(String value) {
        switch (type) {
            case INTEGER -> {
                long x;
                try {
                    x = Long.parseLong(value.strip());
                } catch (NumberFormatException e) {
                    throw new TrainingException("trainer option " + name + " must be an integer, got '" + value + "'");
                }
                if (x < minimum) {
                    throw new TrainingException("trainer option " + name + " must be at least " + (long) minimum
                            + ", got " + x);
                }
            }
            case NUMBER -> {
                double x;
                try {
                    x = Double.parseDouble(value.strip());
                } catch (NumberFormatException e) {
                    x = Double.NaN;
                }
                if (!Double.isFinite(x)) {
                    throw new TrainingException("trainer option " + name + " must be a number, got '" + value + "'");
                }
                if (x < minimum || exclusive && x == minimum) {
                    throw new TrainingException("trainer option " + name + " must be " + (exclusive ? "greater than "
                            : "at least ") + minimum + ", got " + value);
                }
            }
            case CHOICE -> {
                if (!choices.contains(value.strip())) {
                    throw new TrainingException("trainer option " + name + " must be " + orList(choices) + ", got '"
                            + value + "'");
                }
            }
            case TEXT, PREFIX -> {
                // any text
            }
        }
    }

    /** One line for help: {@code name (type, default d): description}. */
    public String describe() {
        String kind = switch (type) {
            case INTEGER, NUMBER -> type.name().toLowerCase(Locale.ROOT)
                    + (minimum > Double.NEGATIVE_INFINITY ? (exclusive ? " > " : " ≥ ")
                            + (type == Type.INTEGER ? String.valueOf((long) minimum) : String.valueOf(minimum)) : "");
            case CHOICE -> String.join("|", choices);
            case TEXT -> "text";
            case PREFIX -> "options passed on";
        };
        String key = type == Type.PREFIX ? name + "*" : name;
        return key + " (" + kind + (defaultValue.isEmpty() ? "" : ", default " + defaultValue) + "): " + description;
    }

    /** {@code a, b or c}: the allowed values in a message. */
    static String orList(List<String> items) {
        if (items.size() <= 1) {
            return String.join("", items);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " or " + items.get(items.size() - 1);
    }
}
