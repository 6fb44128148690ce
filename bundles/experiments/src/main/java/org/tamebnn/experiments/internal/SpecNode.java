package org.tamebnn.experiments.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/**
 * A parsed spec document that remembers where each value stood. Jackson's own tree forgets
 * locations, and an error in a grid file is only helpful with its line, so the reader builds this
 * small tree from the token stream instead.
 */
sealed interface SpecNode {
    int line();

    int column();

    /** A human word for the kind, for "expected a list, got a number". */
    String kind();

    record Scalar(JsonToken token, String text, int line, int column) implements SpecNode {
        @Override
        public String kind() {
            return switch (token) {
                case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
                case VALUE_TRUE, VALUE_FALSE -> "a boolean";
                case VALUE_NULL -> "nothing (null)";
                default -> "a text";
            };
        }

        boolean isNumber() {
            return token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT;
        }
    }

    record Sequence(List<SpecNode> items, int line, int column) implements SpecNode {
        @Override
        public String kind() {
            return "a list";
        }
    }

    /** A mapping; each entry keeps the key's own location, where "unknown key" errors point. */
    record Mapping(Map<String, Entry> entries, int line, int column) implements SpecNode {
        @Override
        public String kind() {
            return "a mapping";
        }
    }

    record Entry(String key, int line, int column, SpecNode value) {}

    /** Thrown for a key given twice in one mapping (JSON and YAML parsers let it pass). */
    final class DuplicateKey extends IOException {
        private static final long serialVersionUID = 1L;
        final String key;
        final int line;
        final int column;

        DuplicateKey(String key, int line, int column) {
            super("key '" + key + "' given twice");
            this.key = key;
            this.line = line;
            this.column = column;
        }
    }

    /** Reads the value whose first token is the parser's current one. */
    static SpecNode read(JsonParser p) throws IOException {
        JsonLocation at = p.currentTokenLocation();
        int line = at.getLineNr();
        int column = at.getColumnNr();
        JsonToken t = p.currentToken();
        switch (t) {
            case START_OBJECT -> {
                Map<String, Entry> entries = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    JsonLocation keyAt = p.currentTokenLocation();
                    String key = p.currentName();
                    p.nextToken();
                    SpecNode value = read(p);
                    if (entries.containsKey(key)) throw new DuplicateKey(key, keyAt.getLineNr(), keyAt.getColumnNr());
                    entries.put(key, new Entry(key, keyAt.getLineNr(), keyAt.getColumnNr(), value));
                }
                return new Mapping(entries, line, column);
            }
            case START_ARRAY -> {
                List<SpecNode> items = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) items.add(read(p));
                return new Sequence(items, line, column);
            }
            default -> {
                return new Scalar(t, t == JsonToken.VALUE_NULL ? null : p.getText(), line, column);
            }
        }
    }
}
