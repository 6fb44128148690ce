package org.tamebnn.losses;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tamebnn.api.loss.LossFunction;
import org.tamebnn.api.loss.OutputKind;
import org.tamebnn.api.milp.MilpModel;

/** What every loss of this bundle promises: a service under its name, and clear refusals. */
class LossContractTest {

    static List<LossFunction> losses() {
        return List.of(new ZeroOneLoss(), new SquaredLoss(), new HingeLoss(), new ClassWeightedZeroOneLoss(),
                new AbsoluteLoss());
    }

    @Test
    void everyLossIsAPlainJavaServiceUnderADistinctName() {
        Set<String> loaded = ServiceLoader.load(LossFunction.class).stream().map(p -> p.get().name())
                .collect(Collectors.toSet());
        assertEquals(Set.of("zero-one", "squared", "hinge", "weighted-zero-one", "absolute"), loaded);
    }

    /** The Declarative Services descriptor bnd generated registers the loss under its name. */
    @ParameterizedTest
    @MethodSource("losses")
    void theComponentIsRegisteredUnderItsName(LossFunction loss) throws IOException {
        String xml = "OSGI-INF/" + loss.getClass().getName() + ".xml";
        try (InputStream in = loss.getClass().getClassLoader().getResourceAsStream(xml)) {
            assertNotNull(in, xml);
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(text.contains("name=\"" + LossFunction.NAME_PROPERTY + "\"")
                    && text.contains("value=\"" + loss.name() + "\""), text);
            assertTrue(text.contains(LossFunction.class.getName()), text);
        }
        assertTrue(!loss.description().isBlank());
    }

    @ParameterizedTest
    @MethodSource("losses")
    void refusesEveryKindItDoesNotSupportNamingThePlace(LossFunction loss) {
        for (OutputKind kind : OutputKind.values()) {
            if (loss.supports(kind)) {
                continue;
            }
            MilpModel.Builder b = MilpModel.builder("m");
            int y = b.continuous("y", 0, 1);
            var e = assertThrows(IllegalArgumentException.class, () -> loss.addTo(b, "s7_o2", y, kind, 1, 1));
            assertTrue(e.getMessage().contains("s7_o2") && e.getMessage().contains(kind.name()), e.getMessage());
            assertTrue(e.getMessage().contains(loss.name().equals("weighted-zero-one") ? "weighted-zero-one"
                    : loss.name().equals("zero-one") ? "0-1" : loss.name()), e.getMessage());
        }
    }

    @Test
    void eachKindHasALoss() {
        for (OutputKind kind : OutputKind.values()) {
            assertTrue(losses().stream().anyMatch(l -> l.supports(kind)), kind::name);
        }
    }

    @Test
    void classifierLossesRefuseNonBinaryTargets() {
        for (LossFunction loss : List.of(new SquaredLoss(), new HingeLoss(), new ClassWeightedZeroOneLoss())) {
            OutputKind kind = loss.supports(OutputKind.BINARY) ? OutputKind.BINARY : OutputKind.PREACTIVATION;
            MilpModel.Builder b = MilpModel.builder("m");
            int y = b.continuous("y", 0, 1);
            var e = assertThrows(IllegalArgumentException.class, () -> loss.addTo(b, "s1_o0", y, kind, 0.5, 1));
            assertTrue(e.getMessage().contains("s1_o0"), e.getMessage());
            if (!loss.supports(OutputKind.CONTINUOUS)) {
                assertThrows(IllegalArgumentException.class, () -> loss.value(0, 2));
            }
        }
        assertThrows(IllegalArgumentException.class, () -> new AbsoluteLoss().value(0, Double.NaN));
    }

    @Test
    void onlyTheWeightedLossWeightsClasses() {
        for (LossFunction loss : losses()) {
            if (!(loss instanceof ClassWeightedZeroOneLoss)) {
                assertEquals(1.0, loss.classWeight(0, new int[] {3, 9}), loss.name());
            }
        }
    }
}
