package org.tamebnn.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.tamebnn.api.training.RunSpec;
import org.tamebnn.api.training.Task;
import org.tamebnn.api.training.TrainingException;

/**
 * The rows a {@link RunSpec.Data} names: a shipped data set ({@code bcw}, {@code wdbc}), Bah &amp;
 * Kurtz's random data ({@code random} or {@code random:dimension=D,points=N}, drawn with the run's
 * seed so that each seed is a fresh data set, as the paper averages over data sets), images in IDX
 * files named as MNIST's ({@code …-images-idx3-ubyte[.gz]} with its {@code …-labels-idx1-ubyte[.gz]}),
 * or a CSV file (gzipped or not).
 * Every problem is a one-line {@link TrainingException} naming the file, line and field.
 */
public final class DataSources {
    /** The name of Bah &amp; Kurtz's random data. */
    public static final String RANDOM = "random";

    private DataSources() {
    }

    /**
     * Loads the rows to train on (at least two classes).
     *
     * @param directory where a relative CSV path resolves
     * @param seed      draws random data
     */
    public static RawDataset load(RunSpec.Data data, long seed, Path directory) {
        return load(data, seed, directory, 2);
    }

    /**
     * Loads rows a saved network classifies: a file of one class is fine (new cases all benign).
     *
     * @param directory where a relative CSV path resolves
     */
    public static RawDataset loadToClassify(RunSpec.Data data, Path directory) {
        return load(data, 0, directory, 1);
    }

    /** True for a name of a shipped or generated data set rather than a file. */
    public static boolean isBuiltIn(String source) {
        return BuiltinDatasets.names().contains(source) || isRandom(source);
    }

    /** The file {@code source} names, resolved against {@code directory}. */
    private static Path file(String source, Path directory) {
        Path p = Path.of(source);
        return (p.isAbsolute() ? p : directory.resolve(p)).normalize();
    }

    private static RawDataset load(RunSpec.Data data, long seed, Path directory, int minimumClasses) {
        boolean regression = data.task() == Task.REGRESSION;
        String source = data.source();
        try {
            if (regression && data.label().isEmpty()) {
                throw new TrainingException("--task regression needs --label COLUMN: the column to predict");
            }
            if (BuiltinDatasets.names().contains(source)) {
                // a shipped data set's label is its class; for regression one of its features is the target
                return regression ? BuiltinDatasets.load(source).regressionOn(data.label()) : BuiltinDatasets.load(source);
            }
            if (isRandom(source)) {
                return random(source, seed);
            }
            Path file = file(source, directory);
            if (!Files.isRegularFile(file)) {
                throw new TrainingException("no such file: " + source);
            }
            Optional<Path> labels = IdxReader.labelsOf(file);
            if (labels.isPresent()) {
                // images in IDX files, as MNIST is distributed: the labels file beside them, classes 0, 1, ...
                if (!Files.isRegularFile(labels.get())) {
                    throw new TrainingException(source + ": IDX images need their labels file, "
                            + labels.get().getFileName() + ", beside them");
                }
                return RawDataset.from(IdxReader.read(file.getFileName().toString(), file, labels.get(), null,
                        Integer.MAX_VALUE));
            }
            CsvOptions options = CsvOptions.defaults().minimumClasses(minimumClasses).regression(regression);
            if (!data.label().isEmpty()) {
                options = options.label(data.label());
            }
            if (!data.drop().isEmpty()) {
                options = options.drop(data.drop().stream().map(d -> ColumnRef.parse(d.strip())).toArray(ColumnRef[]::new));
            }
            return CsvDatasetLoader.load(file, options);
        } catch (DataException e) {
            throw new TrainingException(e.getMessage(), e);
        }
    }

    private static boolean isRandom(String source) {
        return source.equals(RANDOM) || source.startsWith(RANDOM + ":");
    }

    /**
     * Checks the parameters of a built-in name ({@code random:dimension=D,points=N}) without loading
     * anything, so that a typo in an experiment spec fails before any run.
     *
     * @throws TrainingException naming the source and what is wrong with it
     */
    public static void checkBuiltIn(String source) {
        if (isRandom(source)) {
            randomSpec(source, 0);
        }
    }

    private static RawDataset random(String source, long seed) {
        return RawDataset.from(RandomDataGenerator.generate(randomSpec(source, seed)));
    }

    private static RandomDataSpec randomSpec(String source, long seed) {
        RandomDataSpec spec = RandomDataSpec.defaults().withSeed(seed);
        if (source.equals(RANDOM)) {
            return spec;
        }
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (String part : source.substring(RANDOM.length() + 1).split(",")) {
            String[] kv = part.split("=", 2);
            String key = kv[0].strip();
            if (kv.length != 2 || !(key.equals("dimension") || key.equals("points"))) {
                throw new TrainingException("'" + source + "': random data takes random:dimension=D,points=N (either or both)");
            }
            if (!seen.add(key)) {
                throw new TrainingException("'" + source + "': " + key + " given twice");
            }
            int min = key.equals("points") ? 3 : 1;
            int value;
            try {
                value = Integer.parseInt(kv[1].strip());
            } catch (NumberFormatException e) {
                value = -1;
            }
            if (value < min) {
                throw new TrainingException("'" + source + "': " + key + " must be a whole number of at least " + min);
            }
            spec = key.equals("points") ? spec.withPoints(value) : spec.withDimension(value);
        }
        return spec;
    }
}
