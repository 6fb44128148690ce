package org.tamebnn.solver.lpsolve;

/** What lp_solve 5.5's {@code solve()} returns, with the names of {@code lp_lib.h}. */
enum SolveCode {
    NOBFP(-3, "no basis factorization package"),
    NOMEMORY(-2, "out of memory"),
    NOTRUN(-1, "the model was not solved"),
    OPTIMAL(0, "optimal"),
    SUBOPTIMAL(1, "a feasible solution, optimality not proven (a limit stopped branch and bound)"),
    INFEASIBLE(2, "infeasible"),
    UNBOUNDED(3, "unbounded"),
    DEGENERATE(4, "degenerate"),
    NUMFAILURE(5, "numerical failure"),
    USERABORT(6, "aborted by the abort function"),
    TIMEOUT(7, "timeout"),
    RUNNING(8, "still running"),
    PRESOLVED(9, "solved by presolve"),
    PROCFAIL(10, "branch and bound failed"),
    PROCBREAK(11, "branch and bound stopped at a break value or the first solution"),
    FEASFOUND(12, "a feasible branch and bound solution"),
    NOFEASFOUND(13, "no feasible branch and bound solution"),
    FATHOMED(14, "branch and bound fathomed"),
    ACCURACYERROR(25, "the solution is not accurate enough");

    private final int code;
    private final String meaning;

    SolveCode(int code, String meaning) {
        this.code = code;
        this.meaning = meaning;
    }

    int code() {
        return code;
    }

    /** The constant for a return value, or null for one the header does not define. */
    static SolveCode of(int code) {
        for (SolveCode c : values()) {
            if (c.code == code) {
                return c;
            }
        }
        return null;
    }

    /** "NUMFAILURE (5: numerical failure)", or "unknown code 42" for null. */
    static String describe(int code) {
        SolveCode c = of(code);
        return c == null ? "unknown code " + code : c.name() + " (" + code + ": " + c.meaning + ")";
    }
}
