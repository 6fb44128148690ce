package org.tamebnn.api.milp;

/** Whether a variable may take any real value in its bounds or only integers. */
public enum VariableType {
    CONTINUOUS,
    INTEGER
}
