package org.tamebnn.experiments;

import java.net.InetAddress;

/**
 * Where a run ran, so that times from different machines of one shared grid can be told apart.
 *
 * @param host host name
 * @param cores processors available to the JVM
 * @param os operating system name, version and architecture
 * @param java Java runtime vendor and version
 */
public record Machine(String host, int cores, String os, String java) {

    /** This machine. */
    public static Machine current() {
        return new Machine(hostName(), Runtime.getRuntime().availableProcessors(),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                        + System.getProperty("os.arch"),
                System.getProperty("java.vendor") + " " + System.getProperty("java.runtime.version"));
    }

    private static String hostName() {
        // batch nodes set HOSTNAME; asking the resolver can hang where DNS is poor
        String env = System.getenv("HOSTNAME");
        if (env != null && !env.isBlank()) return env;
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            return "unknown";
        }
    }
}
