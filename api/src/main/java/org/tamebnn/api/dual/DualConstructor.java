package org.tamebnn.api.dual;

import java.util.Set;

import org.tamebnn.api.milp.Capability;
import org.tamebnn.api.milp.MilpModel;

/**
 * A construction of dual functions (Guzelsoy &amp; Ralphs, Section 4), registered as an OSGi
 * service with {@value #NAME_PROPERTY} set to {@link #name()}. Implementations never return a
 * silently wrong bound: a method that cannot handle a model answers
 * {@link DualResult#notApplicable}, and every function carries its {@link Certificate}.
 */
public interface DualConstructor {
    /** Service property carrying the method's name. */
    String NAME_PROPERTY = "tamebnn.dual.name";

    /** Short unique name, used on the command line ({@code --method NAME}). */
    String name();

    /** One line: what it builds. */
    String description();

    /** What the backend must declare for this method (LP duals, integer variables, ...). */
    Set<Capability> needs();

    /** What its functions certify when it succeeds. */
    Certificate.Kind certifies();

    /** The models it applies to, in words (such as "pure integer, equality rows, A ≥ 0"). */
    String appliesTo();

    /**
     * The options this method takes in {@link DualRequest#withOption}; a request naming another is
     * refused. Callers read it to pass what a method understands, such as a known {@code incumbent}.
     */
    default java.util.Set<String> options() {
        return java.util.Set.of();
    }

    /** Builds a dual function of {@code model} as {@code request} asks; never throws for a model it cannot handle. */
    DualResult construct(MilpModel model, DualRequest request);
}
