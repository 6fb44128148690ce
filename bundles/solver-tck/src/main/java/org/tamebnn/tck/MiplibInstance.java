package org.tamebnn.tck;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * A MIPLIB 3 instance shipped with the kit (see {@code miplib/PROVENANCE.md}) and its known
 * optimal objective, all of them minimisations.
 */
public record MiplibInstance(String name, double optimum) {
    private static final String FOLDER = "/org/tamebnn/tck/miplib/";

    /** Every shipped instance, in the order of {@code solutions.csv}. */
    public static List<MiplibInstance> all() {
        List<MiplibInstance> out = new ArrayList<>();
        try (InputStream in = resource("solutions.csv");
                BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            r.readLine(); // header: instance,optimal_objective,source
            for (String line; (line = r.readLine()) != null;) {
                if (!line.isBlank()) {
                    String[] f = line.split(",", 3);
                    out.add(new MiplibInstance(f[0], Double.parseDouble(f[1])));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the kit's miplib/solutions.csv", e);
        }
        return out;
    }

    public static MiplibInstance named(String name) {
        return all().stream().filter(i -> i.name.equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no shipped MIPLIB instance named " + name));
    }

    /** The gzipped MPS file, copied to a file under {@code folder} (resources may live inside a jar). */
    public Path copyTo(Path folder) {
        Path target = folder.resolve(name + ".mps.gz");
        try (InputStream in = resource(name + ".mps.gz")) {
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy MIPLIB instance " + name, e);
        }
        return target;
    }

    private static InputStream resource(String file) throws IOException {
        InputStream in = MiplibInstance.class.getResourceAsStream(FOLDER + file);
        if (in == null) {
            throw new IOException("resource " + FOLDER + file + " is missing from the kit");
        }
        return in;
    }

    @Override
    public String toString() {
        return name;
    }
}
