package org.tamebnn.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;

/** The IDX reader on the shipped MNIST images and on hand-made files, good and bad. */
class IdxReaderTest {
    private static final List<String> TWO = List.of("zero", "one");

    @Test
    void theShippedMnistImagesAreTenThousandDigitsOfTwentyEightByTwentyEight() {
        RawDataset mnist = BuiltinDatasets.load("mnist");
        assertEquals(10_000, mnist.size());
        assertEquals(784, mnist.featureCount());
        assertEquals("px0_0", mnist.featureNames().get(0));
        assertEquals("px27_27", mnist.featureNames().get(783));
        Dataset d = DataPipeline.prepare(mnist, SplitSpec.of(0, 0.5), MissingValuePolicy.TRAIN_MEDIAN).train();
        assertEquals(List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"), d.classNames());
        int[] counts = new int[10];
        for (int i = 0; i < mnist.size(); i++) {
            counts[mnist.label(i)]++;
        }
        // as PROVENANCE.md counts them
        assertArrayEquals(new int[] {1001, 1127, 991, 1032, 980, 863, 1014, 1070, 944, 978}, counts);
    }

    @Test
    void plainAndGzippedFilesReadAlike() throws IOException {
        byte[] images = images(3, 2, 2, 0, 255, 128, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11);
        byte[] labels = labels(3, 0, 1, 1);
        Dataset plain = IdxReader.read("t", new ByteArrayInputStream(images), "i", new ByteArrayInputStream(labels), "l",
                TWO, Integer.MAX_VALUE);
        Dataset gzipped = IdxReader.read("t", new ByteArrayInputStream(gzip(images)), "i",
                new ByteArrayInputStream(gzip(labels)), "l", TWO, Integer.MAX_VALUE);
        assertEquals(plain, gzipped);
        assertEquals(3, plain.size());
        assertEquals(List.of("px0_0", "px0_1", "px1_0", "px1_1"), plain.featureNames());
        assertArrayEquals(new double[] {0, 1, 128 / 255.0, 1 / 255.0}, plain.row(0));
        assertArrayEquals(new int[] {0, 1, 1}, plain.labels());
        assertEquals(List.of("zero", "one"), plain.classNames(), "the classes in label order, not sorted");
        assertEquals(2, IdxReader.read("t", new ByteArrayInputStream(images), "i", new ByteArrayInputStream(labels),
                "l", TWO, 2).size(), "a limit reads the first images only");
    }

    @Test
    void badFilesAreRefusedNamingTheFileAndWhatWasFound() {
        byte[] images = images(2, 1, 2, 1, 2, 3, 4);
        byte[] labels = labels(2, 0, 1);
        assertEquals("labels.idx: magic number 0x00000803, not 0x00000801: not an IDX file of labels (unsigned bytes"
                + " in 1 dimension)", refused(images, images));
        assertEquals("images.idx: magic number 0x00000801, not 0x00000803: not an IDX file of images (unsigned bytes"
                + " in 3 dimensions)", refused(labels, labels));
        assertEquals("images.idx: truncated: it ends within image 2 of 2",
                refused(Arrays.copyOf(images, images.length - 1), labels));
        assertEquals("labels.idx: truncated: it ends at label 2 of 2", refused(images, Arrays.copyOf(labels,
                labels.length - 1)));
        assertEquals("images.idx: truncated: it ends before the row count", refused(Arrays.copyOf(images, 9), labels));
        assertEquals("images.idx: 2 images, but labels.idx has 3 labels: an images file and a labels file of the same"
                + " set are needed", refused(images, labels(3, 0, 1, 0)));
        assertEquals("labels.idx: label 2 is 7, but there are 2 classes (0 to 1)", refused(images, labels(2, 0, 7)));
        assertEquals("images.idx: truncated: it ends before the magic number", refused(new byte[0], labels));
    }

    @Test
    void idxFilesNamedAsMnistsLoadAsDataWithTheirLabelsBesideThem(@org.junit.jupiter.api.io.TempDir Path dir)
            throws IOException {
        Files.write(dir.resolve("tiny-images-idx3-ubyte.gz"), gzip(images(3, 1, 2, 0, 9, 200, 210, 10, 0)));
        Files.write(dir.resolve("tiny-labels-idx1-ubyte.gz"), gzip(labels(3, 0, 2, 0)));
        org.tamebnn.api.training.RunSpec.Data source = new org.tamebnn.api.training.RunSpec.Data(
                "tiny-images-idx3-ubyte.gz", org.tamebnn.api.training.Task.CLASSIFICATION, "", List.of(), "median",
                "min-max");
        RawDataset raw = DataSources.load(source, 0, dir);
        assertEquals(3, raw.size());
        assertEquals(List.of("px0_0", "px0_1"), raw.featureNames());
        assertEquals(List.of("0", "1", "2"), DataPipeline.prepare(raw, SplitSpec.of(0, 0.34), MissingValuePolicy
                .TRAIN_MEDIAN).train().classNames(), "classes named by their labels, up to the largest");
        Files.delete(dir.resolve("tiny-labels-idx1-ubyte.gz"));
        assertEquals("tiny-images-idx3-ubyte.gz: IDX images need their labels file, tiny-labels-idx1-ubyte.gz, beside"
                + " them", assertThrows(org.tamebnn.api.training.TrainingException.class,
                        () -> DataSources.load(source, 0, dir)).getMessage());
    }

    @Test
    void fewShotSplitsTakeNOfEachClassAndTestOnEveryOtherRow() {
        RawDataset mnist = BuiltinDatasets.load("mnist");
        PreparedData ten = DataPipeline.prepare(mnist, SplitSpec.of(3, 0.2).perClass(10), MissingValuePolicy.TRAIN_MEDIAN);
        assertEquals(100, ten.train().size());
        assertEquals(9_900, ten.test().size(), "every image not drawn for training is a test image");
        assertTrue(Arrays.stream(ten.train().classCounts()).allMatch(c -> c == 10));
        Set<Integer> train = new HashSet<>();
        Arrays.stream(ten.trainRows()).forEach(train::add);
        assertTrue(Arrays.stream(ten.testRows()).noneMatch(train::contains));
        // a larger N keeps the smaller N's images: the sizes of a learning curve are nested
        PreparedData forty = DataPipeline.prepare(mnist, SplitSpec.of(3, 0.2).perClass(40),
                MissingValuePolicy.TRAIN_MEDIAN);
        Set<Integer> fortyRows = new HashSet<>();
        Arrays.stream(forty.trainRows()).forEach(fortyRows::add);
        assertTrue(fortyRows.containsAll(train));
        assertEquals("100 training / 9900 test rows (seed 3, 10 per class, every other row for testing)",
                ten.describe().lines().findFirst().orElseThrow());
        assertEquals("mnist: --per-class 2000: class 0 has only 1001 rows", assertThrows(DataException.class,
                () -> DataPipeline.prepare(mnist, SplitSpec.of(3, 0.2).perClass(2000), MissingValuePolicy.TRAIN_MEDIAN))
                .getMessage());
    }

    @Test
    void fashionMnistComesFromDebiansPackageOrSaysWhereToGetIt() {
        boolean installed = Files.isRegularFile(Path.of(BuiltinDatasets.FASHION_MNIST_DIR, "train-images-idx3-ubyte.gz"));
        if (installed) {
            RawDataset fashion = BuiltinDatasets.load("fashion-mnist");
            assertEquals(10_000, fashion.size());
            assertEquals(784, fashion.featureCount());
        } else {
            assertEquals("fashion-mnist: not installed: it comes from Debian's package dataset-fashion-mnist (apt-get"
                    + " install dataset-fashion-mnist), which puts it in " + BuiltinDatasets.FASHION_MNIST_DIR,
                    assertThrows(DataException.class, () -> BuiltinDatasets.load("fashion-mnist")).getMessage());
        }
    }

    private static String refused(byte[] images, byte[] labels) {
        return assertThrows(DataException.class, () -> IdxReader.read("t", new ByteArrayInputStream(images),
                "images.idx", new ByteArrayInputStream(labels), "labels.idx", TWO, Integer.MAX_VALUE)).getMessage();
    }

    private static byte[] images(int count, int rows, int columns, int... pixels) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeInt(0x803);
            out.writeInt(count);
            out.writeInt(rows);
            out.writeInt(columns);
            for (int p : pixels) {
                out.writeByte(p);
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static byte[] labels(int count, int... labels) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeInt(0x801);
            out.writeInt(count);
            for (int l : labels) {
                out.writeByte(l);
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(data);
        }
        return bytes.toByteArray();
    }
}
