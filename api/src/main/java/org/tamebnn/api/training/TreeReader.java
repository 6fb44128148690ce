package org.tamebnn.api.training;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a {@link RunSpec} from a parsed JSON or YAML tree, field by field over the defaults, naming
 * the field of every problem: an unknown key, a value of the wrong kind, a newer format.
 */
final class TreeReader {
    private final String source;

    TreeReader(String source) {
        this.source = source;
    }

    RunSpec read(Map<?, ?> tree) {
        RunSpec d = RunSpec.defaults();
        keys(tree, "", Set.of("format", "data", "split", "network", "formulation", "loss", "trainer", "solver",
                "timeLimitSeconds"));
        if (tree.containsKey("format")) {
            long format = integer(tree.get("format"), "format");
            if (format != RunSpec.FORMAT) {
                throw fail("format", "this version reads run specifications of format " + RunSpec.FORMAT + ", not " + format);
            }
        }
        Map<?, ?> data = section(tree, "data");
        keys(data, "data.", Set.of("source", "task", "label", "drop", "missing", "scaling"));
        Task task;
        try {
            task = Task.parse(text(data, "data.", "task", d.data().task().cliName()));
        } catch (IllegalArgumentException e) {
            throw fail("data.task", e.getMessage());
        }
        RunSpec.Data dataSpec = new RunSpec.Data(text(data, "data.", "source", d.data().source()), task,
                text(data, "data.", "label", d.data().label()), textList(data, "data.", "drop", d.data().drop()),
                text(data, "data.", "missing", d.data().missing()), text(data, "data.", "scaling", d.data().scaling()));
        Map<?, ?> split = section(tree, "split");
        keys(split, "split.", Set.of("seed", "testFraction", "trainSize", "perClass"));
        RunSpec.Split splitSpec = new RunSpec.Split(
                split.containsKey("seed") ? integer(split.get("seed"), "split.seed") : d.split().seed(),
                split.containsKey("testFraction") ? number(split.get("testFraction"), "split.testFraction")
                        : d.split().testFraction(),
                split.containsKey("trainSize") ? (int) integer(split.get("trainSize"), "split.trainSize")
                        : d.split().trainSize(),
                split.containsKey("perClass") ? (int) integer(split.get("perClass"), "split.perClass") : 0);
        Map<?, ?> net = section(tree, "network");
        keys(net, "network.", Set.of("hidden", "variant", "weights", "activation", "epsilon"));
        List<Integer> hidden = d.network().hidden();
        if (net.containsKey("hidden")) {
            hidden = new ArrayList<>();
            for (Object w : list(net.get("hidden"), "network.hidden")) {
                hidden.add((int) integer(w, "network.hidden"));
            }
        }
        RunSpec.Network network = new RunSpec.Network(hidden, text(net, "network.", "variant", d.network().variant()),
                text(net, "network.", "weights", d.network().weights()),
                text(net, "network.", "activation", d.network().activation()),
                net.containsKey("epsilon") ? number(net.get("epsilon"), "network.epsilon") : d.network().epsilon());
        Map<?, ?> f = section(tree, "formulation");
        keys(f, "formulation.", Set.of("preset", "maxMargin", "start", "marginCap", "objectives"));
        List<String> objectives = d.formulation().objectives();
        if (f.containsKey("objectives")) {
            objectives = new ArrayList<>();
            for (Object o : list(f.get("objectives"), "formulation.objectives")) {
                objectives.add(scalar(o, "formulation.objectives"));
            }
        }
        RunSpec.Formulation formulation = new RunSpec.Formulation(
                text(f, "formulation.", "preset", d.formulation().preset()),
                f.containsKey("maxMargin") ? bool(f.get("maxMargin"), "formulation.maxMargin") : d.formulation().maxMargin(),
                text(f, "formulation.", "start", d.formulation().start()),
                f.containsKey("marginCap") ? number(f.get("marginCap"), "formulation.marginCap")
                        : RunSpec.Formulation.DEFAULT_MARGIN_CAP, objectives);
        Map<?, ?> t = section(tree, "trainer");
        keys(t, "trainer.", Set.of("name", "options"));
        Map<String, String> options = new LinkedHashMap<>();
        if (t.containsKey("options")) {
            Object o = t.get("options");
            if (!(o instanceof Map<?, ?> m)) {
                throw fail("trainer.options", "expected an object of option values, got " + kind(o));
            }
            m.forEach((k, v) -> options.put(String.valueOf(k), scalar(v, "trainer.options." + k)));
        }
        Map<?, ?> s = section(tree, "solver");
        keys(s, "solver.", Set.of("name", "threads", "relativeGap", "nodeLimit", "options"));
        Map<String, String> solverOptions = new LinkedHashMap<>();
        if (s.containsKey("options")) {
            if (!(s.get("options") instanceof Map<?, ?> m)) {
                throw fail("solver.options", "expected an object of option values, got " + kind(s.get("options")));
            }
            m.forEach((k, v) -> solverOptions.put(String.valueOf(k), scalar(v, "solver.options." + k)));
        }
        RunSpec.SolverChoice solver = new RunSpec.SolverChoice(text(s, "solver.", "name", d.solver().name()),
                s.get("threads") == null ? null : (int) integer(s.get("threads"), "solver.threads"),
                s.get("relativeGap") == null ? null : number(s.get("relativeGap"), "solver.relativeGap"),
                s.get("nodeLimit") == null ? null : integer(s.get("nodeLimit"), "solver.nodeLimit"), solverOptions);
        return new RunSpec(dataSpec, splitSpec, network, formulation, text(tree, "", "loss", d.loss()),
                new RunSpec.TrainerChoice(text(t, "trainer.", "name", d.trainer().name()), options), solver,
                tree.containsKey("timeLimitSeconds") ? number(tree.get("timeLimitSeconds"), "timeLimitSeconds")
                        : d.timeLimitSeconds());
    }

    private Map<?, ?> section(Map<?, ?> tree, String key) {
        Object v = tree.get(key);
        if (v == null) {
            return Map.of();
        }
        if (v instanceof Map<?, ?> m) {
            return m;
        }
        throw fail(key, "expected an object, got " + kind(v));
    }

    private void keys(Map<?, ?> map, String prefix, Set<String> known) {
        for (Object k : map.keySet()) {
            if (!known.contains(String.valueOf(k))) {
                throw fail(prefix + k, "unknown field; the fields here are " + String.join(", ", known.stream().sorted()
                        .toList()));
            }
        }
    }

    private String text(Map<?, ?> map, String prefix, String key, String fallback) {
        Object v = map.get(key);
        if (v == null) {
            return fallback;
        }
        if (v instanceof String s) {
            return s;
        }
        throw fail(prefix + key, "expected text, got " + kind(v));
    }

    private List<String> textList(Map<?, ?> map, String prefix, String key, List<String> fallback) {
        if (!map.containsKey(key)) {
            return fallback;
        }
        List<String> out = new ArrayList<>();
        for (Object o : list(map.get(key), prefix + key)) {
            out.add(scalar(o, prefix + key));
        }
        return out;
    }

    private List<?> list(Object v, String field) {
        if (v instanceof List<?> l) {
            return l;
        }
        throw fail(field, "expected a list, got " + kind(v));
    }

    private String scalar(Object v, String field) {
        if (v instanceof String || v instanceof Number || v instanceof Boolean) {
            return String.valueOf(v);
        }
        throw fail(field, "expected a value, got " + kind(v));
    }

    private long integer(Object v, String field) {
        if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof java.math.BigInteger) {
            return ((Number) v).longValue();
        }
        if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())
                && Math.abs(n.doubleValue()) < 1e15) {
            return n.longValue();
        }
        throw fail(field, "expected a whole number, got " + kind(v));
    }

    private double number(Object v, String field) {
        if (v instanceof Number n && Double.isFinite(n.doubleValue())) {
            return n.doubleValue();
        }
        throw fail(field, "expected a number, got " + kind(v));
    }

    private boolean bool(Object v, String field) {
        if (v instanceof Boolean b) {
            return b;
        }
        throw fail(field, "expected true or false, got " + kind(v));
    }

    private static String kind(Object v) {
        return switch (v) {
            case null -> "null";
            case String s -> "'" + s + "'";
            case Map<?, ?> m -> "an object";
            case List<?> l -> "a list";
            default -> String.valueOf(v);
        };
    }

    private TrainingException fail(String field, String problem) {
        return new TrainingException(source + ": " + field + ": " + problem);
    }
}
