package org.tamebnn.data;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import java.util.zip.GZIPInputStream;

/**
 * Images and labels in the IDX format of the MNIST distribution (and Fashion-MNIST's): an images
 * file (magic 0x00000803: count, rows, columns, then one unsigned byte per pixel) and a labels file
 * (magic 0x00000801: count, then one byte per image), each gzipped or not. A pixel becomes a feature
 * value byte/255 in [0, 1], named {@code px<row>_<column>}. Every problem — a wrong magic number, a
 * truncated file, image and label counts that differ, a label outside the classes — is a
 * {@link DataException} naming the file and what was found.
 */
public final class IdxReader {
    private static final int IMAGES_MAGIC = 0x00000803;
    private static final int LABELS_MAGIC = 0x00000801;

    private IdxReader() {
    }

    /**
     * The labels file beside an images file named as the MNIST distribution names them
     * ({@code …-images-idx3-ubyte[.gz]} → {@code …-labels-idx1-ubyte[.gz]}), or empty for another name.
     */
    public static Optional<Path> labelsOf(Path images) {
        String name = images.getFileName().toString();
        if (!name.contains("-images-idx3-ubyte")) {
            return Optional.empty();
        }
        return Optional.of(images.resolveSibling(name.replace("-images-idx3-ubyte", "-labels-idx1-ubyte")));
    }

    /**
     * Reads the first {@code limit} images of {@code images} with their labels (files), the classes
     * named in label order, or 0, 1, ... when {@code classNames} is null ({@code Integer.MAX_VALUE}
     * for all images).
     */
    public static Dataset read(String name, Path images, Path labels, List<String> classNames, int limit) {
        try (InputStream i = Files.newInputStream(images); InputStream l = Files.newInputStream(labels)) {
            return read(name, i, images.toString(), l, labels.toString(), classNames, limit);
        } catch (IOException e) {
            throw new DataException(images + ", " + labels, "cannot be read: " + e.getMessage());
        }
    }

    /**
     * Reads an images and a labels stream.
     *
     * @param imagesSource names the images stream in messages (its file)
     * @param labelsSource names the labels stream in messages
     * @param classNames   the classes' names, label 0 first; null to name them 0, 1, ... up to the largest label
     * @param limit        read the first so many images (and labels) only
     */
    public static Dataset read(String name, InputStream images, String imagesSource, InputStream labels,
            String labelsSource, List<String> classNames, int limit) {
        DataInputStream labelStream = open(labels, labelsSource);
        int labelCount = header(labelStream, labelsSource, LABELS_MAGIC, 1, "labels");
        DataInputStream in = open(images, imagesSource);
        int imageCount = header(in, imagesSource, IMAGES_MAGIC, 3, "images");
        int rows = readInt(in, imagesSource, "the row count");
        int columns = readInt(in, imagesSource, "the column count");
        if (imageCount != labelCount) {
            throw new DataException(imagesSource, imageCount + " images, but " + labelsSource + " has " + labelCount
                    + " labels: an images file and a labels file of the same set are needed");
        }
        int count = Math.min(imageCount, limit);
        int[] y = labels(labelStream, labelsSource, count, labelCount, classNames == null ? 256 : classNames.size());
        // without names the classes are named by their labels, 0 up to the largest one present
        List<String> names = classNames != null ? classNames
                : IntStream.rangeClosed(0, Arrays.stream(y).max().orElse(0)).mapToObj(String::valueOf).toList();
        if (rows < 1 || columns < 1 || (long) rows * columns > 1 << 20) {
            throw new DataException(imagesSource, "images of " + rows + " × " + columns + " pixels cannot be right");
        }
        int pixels = rows * columns;
        double[][] x = new double[count][pixels];
        byte[] image = new byte[pixels];
        for (int i = 0; i < count; i++) {
            try {
                in.readFully(image);
            } catch (EOFException e) {
                throw new DataException(imagesSource, "truncated: it ends within image " + (i + 1) + " of " + imageCount);
            } catch (IOException e) {
                throw new DataException(imagesSource, "cannot be read: " + e.getMessage());
            }
            for (int p = 0; p < pixels; p++) {
                x[i][p] = (image[p] & 0xff) / 255.0;
            }
        }
        List<String> features = new ArrayList<>(pixels);
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns; c++) {
                features.add("px" + r + "_" + c);
            }
        }
        // the classes in label order, as the file numbers them (fromLabels would sort the names)
        return Dataset.of(name, features, x, y, new LabelMapping(names.stream().map(ClassLabel::of).toList()));
    }

    /** The first {@code count} of the file's {@code total} labels, its header read already. */
    private static int[] labels(DataInputStream in, String source, int count, int total, int classes) {
        int[] y = new int[count];
        for (int i = 0; i < count; i++) {
            int label;
            try {
                label = in.readUnsignedByte();
            } catch (EOFException e) {
                throw new DataException(source, "truncated: it ends at label " + (i + 1) + " of " + total);
            } catch (IOException e) {
                throw new DataException(source, "cannot be read: " + e.getMessage());
            }
            if (label >= classes) {
                throw new DataException(source, "label " + (i + 1) + " is " + label + ", but there are " + classes
                        + " classes (0 to " + (classes - 1) + ")");
            }
            y[i] = label;
        }
        return y;
    }

    /** Checks the magic number (type unsigned byte, {@code dims} dimensions) and returns the item count. */
    private static int header(DataInputStream in, String source, int magic, int dims, String what) {
        int found = readInt(in, source, "the magic number");
        if (found != magic) {
            throw new DataException(source, String.format("magic number 0x%08x, not 0x%08x: not an IDX file of %s"
                    + " (unsigned bytes in %d dimension%s)", found, magic, what, dims, dims == 1 ? "" : "s"));
        }
        int count = readInt(in, source, "the item count");
        if (count < 0) {
            throw new DataException(source, "a negative item count, " + count);
        }
        return count;
    }

    private static int readInt(DataInputStream in, String source, String what) {
        try {
            return in.readInt();
        } catch (EOFException e) {
            throw new DataException(source, "truncated: it ends before " + what);
        } catch (IOException e) {
            throw new DataException(source, "cannot be read: " + e.getMessage());
        }
    }

    /** The stream, gunzipped when it starts with gzip's magic bytes. */
    private static DataInputStream open(InputStream raw, String source) {
        try {
            BufferedInputStream in = new BufferedInputStream(raw, 1 << 16);
            in.mark(2);
            int b1 = in.read();
            int b2 = in.read();
            in.reset();
            boolean gzip = b1 == 0x1f && b2 == 0x8b;
            return new DataInputStream(gzip ? new BufferedInputStream(new GZIPInputStream(in, 1 << 16), 1 << 16) : in);
        } catch (IOException e) {
            throw new DataException(source, "not readable as gzip: " + e.getMessage());
        }
    }
}
