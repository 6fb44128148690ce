package org.tamebnn.solver.ortools;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tamebnn.api.milp.MilpModel;
import org.tamebnn.api.milp.SolveParams;
import org.tamebnn.api.milp.SolveResult;
import org.tamebnn.api.milp.SolveStatus;
import org.tamebnn.api.mps.MpsReader;
import org.tamebnn.tck.MiplibInstance;

/** MIPLIB's p0033 (optimum 3089) on every MILP backend, read through the API's MPS reader. */
class MiplibTest {

    @ParameterizedTest
    @EnumSource(value = Backend.class, names = {"SCIP", "CP_SAT", "HIGHS", "CBC"})
    void p0033(Backend backend, @TempDir Path tmp) throws Exception {
        MilpModel model = MpsReader.read(MiplibInstance.named("p0033").copyTo(tmp));
        SolveResult r = KnownAnswerTest.solver(backend).solve(model, SolveParams.defaults().withTimeLimitSeconds(120));
        assertEquals(SolveStatus.OPTIMAL, r.status(), r::toString);
        assertEquals(3089, r.objective(), 3089 * ResultMapper.OPTIMALITY_GAP);
        assertEquals(0, model.maxViolation(r.solution().orElseThrow()), 1e-6);
    }
}
