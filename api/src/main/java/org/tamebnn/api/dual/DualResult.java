package org.tamebnn.api.dual;

import java.time.Duration;
import java.util.Optional;

/**
 * A dual-function construction's outcome: the function with its value at the right-hand side it
 * was built for, or an honest "not applicable to this model: why".
 *
 * @param method the construction's name
 * @param function the dual function, absent when the method does not apply or failed
 * @param valueAtB F(b₀), the bound it certifies at the right-hand side it was built for (NaN without a function)
 * @param message why there is no function, or what the caller should know (a time limit that cut
 *     the construction short, pieces dropped)
 * @param time the construction's wall time
 */
public record DualResult(String method, Optional<DualFunction> function, double valueAtB, String message,
        Duration time) {

    public static DualResult built(String method, DualFunction f, double valueAtB, String message, Duration time) {
        return new DualResult(method, Optional.of(f), valueAtB, message, time);
    }

    public static DualResult notApplicable(String method, String why, Duration time) {
        return new DualResult(method, Optional.empty(), Double.NaN, "not applicable to this model: " + why, time);
    }

    public boolean hasFunction() {
        return function.isPresent();
    }
}
