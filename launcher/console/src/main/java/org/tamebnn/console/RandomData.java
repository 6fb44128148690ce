package org.tamebnn.console;

import org.tamebnn.data.RandomDataGenerator;
import org.tamebnn.data.RandomDataSpec;
import org.tamebnn.data.RawDataset;

/**
 * Bah and Kurtz's random data by name: {@code random} (the data bundle's defaults) or
 * {@code random:dimension=D,points=N}. The seed that splits the data also draws it, so each seed
 * of an experiment is a fresh data set, as the paper averages over data sets.
 */
final class RandomData {
    static final String NAME = "random";

    private RandomData() {
    }

    static boolean names(String data) {
        return data.equals(NAME) || data.startsWith(NAME + ":");
    }

    static RawDataset load(String data, long seed) {
        RandomDataSpec spec = RandomDataSpec.defaults().withSeed(seed);
        if (data.startsWith(NAME + ":")) {
            for (String part : data.substring(NAME.length() + 1).split(",")) {
                String[] kv = part.split("=", 2);
                String key = kv[0].strip();
                int value = kv.length == 2 ? number(data, kv[1].strip()) : -1;
                spec = switch (key) {
                    case "dimension" -> spec.withDimension(checked(data, key, value, 1));
                    case "points" -> spec.withPoints(checked(data, key, value, 3));
                    default -> throw new CommandFailure("'" + data + "': random data takes random:dimension=D,points=N");
                };
            }
        }
        return RawDataset.from(RandomDataGenerator.generate(spec));
    }

    private static int number(String data, String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static int checked(String data, String key, int value, int min) {
        if (value < min) {
            throw new CommandFailure("'" + data + "': " + key + " must be a whole number of at least " + min);
        }
        return value;
    }
}
