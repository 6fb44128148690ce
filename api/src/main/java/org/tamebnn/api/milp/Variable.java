package org.tamebnn.api.milp;

/**
 * One column of a {@link MilpModel}: a named variable with bounds (infinite where free) and a type.
 * A binary variable is an integer variable with bounds [0, 1].
 */
public record Variable(String name, double lower, double upper, VariableType type) {

    public boolean isInteger() {
        return type == VariableType.INTEGER;
    }

    public boolean isBinary() {
        return isInteger() && lower == 0.0 && upper == 1.0;
    }
}
