package org.tamebnn.api.milp;

/**
 * Whether a solver can run here, and if not, why and what to do: a missing native library is
 * reported through this, never by failing the platform.
 */
public record Availability(boolean isAvailable, String reason) {
    private static final Availability YES = new Availability(true, "");

    public static Availability yes() {
        return YES;
    }

    public static Availability unavailable(String reason) {
        return new Availability(false, reason);
    }
}
