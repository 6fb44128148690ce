package org.tamebnn.experiments.internal;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import org.tamebnn.api.training.RunSpec;
import org.tamebnn.api.training.TrainingException;
import org.tamebnn.data.DataSources;
import org.tamebnn.experiments.ExperimentSpec;
import org.tamebnn.experiments.SpecException;
import org.tamebnn.experiments.internal.SpecNode.Entry;
import org.tamebnn.experiments.internal.SpecNode.Mapping;
import org.tamebnn.experiments.internal.SpecNode.Scalar;
import org.tamebnn.experiments.internal.SpecNode.Sequence;

/**
 * Reads a spec document and checks every field, reporting the first problem with its file, line,
 * field path and what was expected.
 */
public final class SpecReader {

    static final List<String> KEYS = List.of("name", "datasets", "trainSizes", "perClass", "testFraction", "hidden",
            "variants", "weights", "trainers", "losses", "solvers", "seeds", "timeLimits", "trainerOptions");

    /** The paper's split: 20% of the data held out (Bah and Kurtz). */
    static final double DEFAULT_TEST_FRACTION = RunSpec.DEFAULT_TEST_FRACTION;

    // names of plugins: what the console accepts after --trainer, --loss, --solver
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    private final String source;
    private final Path baseDir;
    private final Predicate<String> needsSolver;

    private SpecReader(String source, Path baseDir, Predicate<String> needsSolver) {
        this.source = source;
        this.baseDir = baseDir;
        this.needsSolver = needsSolver;
    }

    public static ExperimentSpec read(String text, String source, Path baseDir, Predicate<String> needsSolver) {
        return new SpecReader(source, baseDir, needsSolver).read(text);
    }

    private ExperimentSpec read(String text) {
        SpecNode root = parse(text);
        if (!(root instanceof Mapping top)) {
            throw error(root, null, "a spec is a mapping of the keys " + String.join(", ", KEYS) + "; got "
                    + root.kind());
        }
        for (Entry e : top.entries().values()) {
            if (!KEYS.contains(e.key())) {
                throw new SpecException(source, e.line(), e.column(), null, "unknown key '" + e.key() + "'"
                        + suggestion(e.key()) + "; the keys are " + String.join(", ", KEYS));
            }
        }
        String name = text(required(top, "name"), "name");
        if (name.isBlank()) throw error(top.entries().get("name").value(), "name", "must not be blank");
        // the store's spec_name column holds 200 characters
        if (name.length() > 200) throw error(top.entries().get("name").value(), "name", "longer than 200 characters");

        List<String> datasets = list(top, "datasets", true, (n, f) -> dataset(n, f));
        boolean fewShot = top.entries().containsKey("perClass");
        if (fewShot && top.entries().containsKey("trainSizes")) {
            throw error(top.entries().get("perClass").value(), "perClass",
                    "give trainSizes (points in all) or perClass (points of each class), not both");
        }
        List<Integer> perClass = fewShot ? list(top, "perClass", true, (n, f) -> pointsPerClass(n, f)) : List.of();
        List<Integer> trainSizes = fewShot ? List.of() : list(top, "trainSizes", true, (n, f) -> trainSize(n, f));
        double testFraction = top.entries().containsKey("testFraction")
                ? fraction(top.entries().get("testFraction").value(), "testFraction") : DEFAULT_TEST_FRACTION;
        List<List<Integer>> hidden = list(top, "hidden", true, (n, f) -> widths(n, f));
        List<String> variants = optionalList(top, "variants", List.of("bdnn"), (n, f) -> oneOf(n, f, RunSpec.Network.VARIANTS));
        List<String> weights = optionalList(top, "weights", List.of("real"), (n, f) -> weights(n, f));
        List<String> trainers = list(top, "trainers", true, (n, f) -> name(n, f));
        List<String> losses = list(top, "losses", true, (n, f) -> name(n, f));
        Set<String> solverless = trainers.stream().filter(this.needsSolver.negate()).collect(Collectors.toSet());
        boolean needsSolver = !solverless.containsAll(trainers);
        List<String> solvers = top.entries().containsKey("solvers") || needsSolver
                ? list(top, "solvers", needsSolver, (n, f) -> name(n, f)) : List.of();
        List<Long> seeds = list(top, "seeds", true, (n, f) -> integer(n, f));
        List<Double> timeLimits = list(top, "timeLimits", true, (n, f) -> positiveNumber(n, f));
        Map<String, Map<String, String>> options = trainerOptions(top, trainers);

        return new ExperimentSpec(name, datasets, trainSizes, testFraction, hidden, variants, weights, trainers,
                losses, solvers, seeds, timeLimits, options, solverless, perClass);
    }

    private SpecNode parse(String text) {
        boolean json = text.stripLeading().startsWith("{");
        JsonFactory factory = json ? new JsonFactory() : new YAMLFactory();
        try (JsonParser p = factory.createParser(text)) {
            if (p.nextToken() == null) throw new SpecException(source, 0, 0, null, "the file is empty");
            SpecNode root = SpecNode.read(p);
            JsonToken extra = p.nextToken();
            if (extra != null) {
                JsonLocation at = p.currentTokenLocation();
                throw new SpecException(source, at.getLineNr(), at.getColumnNr(), null,
                        "more than one document; a spec is one mapping");
            }
            return root;
        } catch (SpecNode.DuplicateKey e) {
            throw new SpecException(source, e.line, e.column, e.key, "given twice");
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String what = e.getOriginalMessage();
            // the parser's first line says what is wrong; the rest quotes the source back
            int nl = what.indexOf('\n');
            what = "not valid " + (json ? "JSON" : "YAML") + ": " + (nl < 0 ? what : what.substring(0, nl)).strip();
            throw new SpecException(source, at == null ? 0 : at.getLineNr(), at == null ? 0 : at.getColumnNr(), null, what);
        } catch (IOException e) {
            throw new SpecException(source, 0, 0, null, "cannot read: " + e.getMessage());
        }
    }

    private SpecNode required(Mapping m, String key) {
        Entry e = m.entries().get(key);
        if (e == null) throw new SpecException(source, m.line(), m.column(), null, "missing key '" + key + "'");
        return e.value();
    }

    private <T> List<T> optionalList(Mapping m, String key, List<T> absent, BiFunction<SpecNode, String, T> item) {
        return m.entries().containsKey(key) ? list(m, key, true, item) : absent;
    }

    /** A list of distinct items; a single value stands for a list of one. */
    private <T> List<T> list(Mapping m, String key, boolean required, BiFunction<SpecNode, String, T> item) {
        if (!required && !m.entries().containsKey(key)) return List.of();
        SpecNode node = required(m, key);
        List<SpecNode> items = node instanceof Sequence s ? s.items() : List.of(node);
        if (node instanceof Mapping) throw error(node, key, "expected a list, got a mapping");
        if (items.isEmpty()) throw error(node, key, "empty list: give at least one value");
        List<T> values = new ArrayList<>();
        Set<T> seen = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            String field = key + "[" + i + "]";
            T v = item.apply(items.get(i), field);
            // a repeated value would make two cells with one key
            if (!seen.add(v)) throw error(items.get(i), field, "'" + display(v) + "' is listed twice");
            values.add(v);
        }
        return values;
    }

    private static String display(Object v) {
        return v instanceof List<?> l ? l.toString() : String.valueOf(v);
    }

    private String text(SpecNode node, String field) {
        if (node instanceof Scalar s && s.text() != null && !(s.token() == JsonToken.VALUE_TRUE || s.token() == JsonToken.VALUE_FALSE)) {
            return s.text();
        }
        throw error(node, field, "expected a text, got " + node.kind());
    }

    private String name(SpecNode node, String field) {
        String v = text(node, field);
        if (!NAME.matcher(v).matches()) {
            throw error(node, field, "'" + v + "' is not a name (letters, digits, '.', '_', '-')");
        }
        return v;
    }

    private String oneOf(SpecNode node, String field, List<String> allowed) {
        String v = text(node, field);
        if (!allowed.contains(v)) throw error(node, field, "'" + v + "' is not one of " + String.join(", ", allowed));
        return v;
    }

    private String weights(SpecNode node, String field) {
        String v = text(node, field);
        if (!RunSpec.Network.isWeightDomain(v)) {
            throw error(node, field, "'" + v + "' is not one of real, binary, ternary, integer:P (P from 1 to 999)");
        }
        return v;
    }

    private String dataset(SpecNode node, String field) {
        String v = text(node, field);
        if (DataSources.isBuiltIn(v)) {
            try {
                DataSources.checkBuiltIn(v);
            } catch (TrainingException e) {
                throw error(node, field, e.getMessage());
            }
            return v;
        }
        Path p = Path.of(v);
        Path file = p.isAbsolute() || baseDir == null ? p : baseDir.resolve(p);
        if (!Files.isRegularFile(file)) {
            throw error(node, field, "'" + v + "' is neither a built-in dataset (bcw, wdbc, random) nor a CSV file (looked at "
                    + file.toAbsolutePath() + ")");
        }
        return v;
    }

    private BigDecimal number(SpecNode node, String field) {
        if (node instanceof Scalar s && s.isNumber()) return new BigDecimal(s.text());
        throw error(node, field, "expected a number, got " + describe(node));
    }

    private long integer(SpecNode node, String field) {
        BigDecimal n = number(node, field);
        try {
            return n.longValueExact();
        } catch (ArithmeticException e) {
            throw error(node, field, "expected a whole number (64 bits), got " + n.toPlainString());
        }
    }

    private int pointsPerClass(SpecNode node, String field) {
        long v = integer(node, field);
        if (v < 1 || v > 1_000_000) throw error(node, field, "points per class must be from 1 to 1000000, got " + v);
        return (int) v;
    }

    private int trainSize(SpecNode node, String field) {
        if (node instanceof Scalar s && "all".equals(s.text()) && !s.isNumber()) return ExperimentSpec.ALL_TRAINING_POINTS;
        if (node instanceof Scalar s && !s.isNumber()) {
            throw error(node, field, "expected a number of training points or 'all', got " + describe(node));
        }
        return positiveInt(node, field);
    }

    private int positiveInt(SpecNode node, String field) {
        long v = integer(node, field);
        if (v <= 0 || v > Integer.MAX_VALUE) throw error(node, field, "must be a positive whole number, got " + v);
        return (int) v;
    }

    private double positiveNumber(SpecNode node, String field) {
        double v = number(node, field).doubleValue();
        if (!(v > 0) || Double.isInfinite(v)) throw error(node, field, "must be a positive number of seconds, got " + v);
        return v;
    }

    private double fraction(SpecNode node, String field) {
        double v = number(node, field).doubleValue();
        if (!(v > 0 && v < 1)) throw error(node, field, "must be strictly between 0 and 1, got " + v);
        return v;
    }

    private List<Integer> widths(SpecNode node, String field) {
        if (node instanceof Scalar) return List.of(positiveInt(node, field));
        if (!(node instanceof Sequence s)) throw error(node, field, "expected a list of layer widths such as [5, 3], got " + node.kind());
        // [] is the network without a hidden layer (one threshold unit per output, as BeMi's pairs at 784-1)
        List<Integer> widths = new ArrayList<>();
        for (int i = 0; i < s.items().size(); i++) widths.add(positiveInt(s.items().get(i), field + "[" + i + "]"));
        return widths;
    }

    private Map<String, Map<String, String>> trainerOptions(Mapping top, List<String> trainers) {
        Entry entry = top.entries().get("trainerOptions");
        Map<String, Map<String, String>> options = new LinkedHashMap<>();
        if (entry == null) return options;
        if (!(entry.value() instanceof Mapping byTrainer)) {
            throw error(entry.value(), "trainerOptions", "expected a mapping from trainer to its options, got " + entry.value().kind());
        }
        for (Entry t : byTrainer.entries().values()) {
            String field = "trainerOptions." + t.key();
            if (!trainers.contains(t.key())) {
                throw new SpecException(source, t.line(), t.column(), field,
                        "options for '" + t.key() + "', which is not in trainers (" + String.join(", ", trainers) + ")");
            }
            if (!(t.value() instanceof Mapping opts)) {
                throw error(t.value(), field, "expected a mapping of option to value, got " + t.value().kind());
            }
            Map<String, String> values = new LinkedHashMap<>();
            for (Entry o : opts.entries().values()) {
                if (!(o.value() instanceof Scalar s) || s.text() == null) {
                    throw error(o.value(), field + "." + o.key(), "expected a single value, got " + o.value().kind());
                }
                values.put(o.key(), s.text());
            }
            options.put(t.key(), values);
        }
        return options;
    }

    private String describe(SpecNode node) {
        return node instanceof Scalar s && s.text() != null ? node.kind() + " '" + s.text() + "'" : node.kind();
    }

    private SpecException error(SpecNode at, String field, String problem) {
        return new SpecException(source, at.line(), at.column(), field, problem);
    }

    private static String suggestion(String key) {
        for (String k : KEYS) {
            if (k.equalsIgnoreCase(key) || distance(k.toLowerCase(), key.toLowerCase()) <= 2) {
                return " (did you mean '" + k + "'?)";
            }
        }
        return "";
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
