package org.tamebnn.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class MainTest {

    @Test
    void plainWordsPassUnquoted() {
        assertEquals("solver:solve data/p0033.mps.gz --all --time-limit 2.5",
                Main.commandLine(List.of("solver:solve", "data/p0033.mps.gz", "--all", "--time-limit", "2.5")));
    }

    @Test
    void wordsGogoWouldInterpretAreQuoted() {
        assertEquals("solver:solve 'my model (v2).mps' --solver 'a;b'",
                Main.commandLine(List.of("solver:solve", "my model (v2).mps", "--solver", "a;b")));
        assertEquals("x 'it\\'s'", Main.commandLine(List.of("x", "it's")));
    }

    @Test
    void helpFlagBecomesGogoHelp() {
        assertEquals(List.of("help", "solver:solve"), Main.helpRewrite(new String[] { "solver:solve", "--help" }));
        assertEquals(List.of("solver:list"), Main.helpRewrite(new String[] { "solver:list" }));
    }

    @Test
    void failuresAreOneLineWithoutTypeNoise() {
        assertEquals("unknown command: foo:bar (run ./tamebnn help for the list)",
                Main.describe(new IllegalArgumentException("Command not found: foo:bar")));
        assertEquals("first line", Main.describe(new IllegalStateException("first line\nsecond")));
        assertEquals("options of 'train' not understood: an unknown option, a value missing, or --name=value"
                + " (write --name value); see its --help", Main.describe(new IllegalArgumentException(
                        "Cannot coerce train(Token, Token) to any of [(CommandSession, String)]")));
        assertEquals("NullPointerException", Main.describe(new NullPointerException()));
    }
}
