package org.tamebnn.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * The README's lists of bundles and package versions are generated from what the build resolved
 * and indexed, so they cannot drift from the code: each block between its BEGIN and END markers
 * must equal what this test generates (on a mismatch, the message holds the block to paste).
 */
class ReadmeIT {
    private static final Path README = Path.of(System.getProperty("tamebnn.readme", "../../README.md"));
    private static final Path INDEX = PlatformContract.DIST.resolve("index.xml");

    @Test
    void theEmbeddingBundleListIsTheResolvedOne() throws Exception {
        Set<String> resolved = Recipes.runBundles(Recipes.BNDRUNS.resolve("tamebnn-embedded.bndrun"));
        Map<String, String> index = Recipes.readIndex(INDEX);
        StringBuilder table = new StringBuilder("| bundle | jar in the distribution |\n|---|---|\n");
        for (String bsn : resolved) {
            table.append("| `").append(bsn).append("` | `").append(index.get(bsn)).append("` |\n");
        }
        assertBlock("embedded-bundles", table.toString());
    }

    @Test
    void theExportedPackageVersionsAreTheBundles() throws Exception {
        StringBuilder table = new StringBuilder("| bundle | exports (package version) |\n|---|---|\n");
        for (Map.Entry<String, Set<String>> e : Recipes.exports(INDEX).entrySet()) {
            // the project's own packages; the OR-Tools library bundle re-exports Google's at their version
            List<String> own = e.getValue().stream().filter(p -> p.startsWith("org.tamebnn."))
                    .map(p -> "`" + p.replace(" ", "` ")).toList();
            if (e.getKey().startsWith("org.tamebnn.") && !own.isEmpty()) {
                table.append("| `").append(e.getKey()).append("` | ").append(String.join(", ", own)).append(" |\n");
            }
        }
        assertBlock("exported-packages", table.toString());
    }

    private static void assertBlock(String name, String expected) throws Exception {
        String readme = Files.readString(README);
        String begin = "<!-- BEGIN " + name;
        String end = "<!-- END " + name + " -->";
        int b = readme.indexOf(begin);
        int e = readme.indexOf(end);
        assertTrue(b >= 0 && e > b, "README.md has no " + name + " block");
        String actual = readme.substring(readme.indexOf('\n', b) + 1, e);
        assertEquals(expected, actual, "README.md's " + name + " block differs from the build; it should read:\n"
                + expected);
    }
}
