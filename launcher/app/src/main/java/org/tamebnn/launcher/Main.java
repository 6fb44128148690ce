package org.tamebnn.launcher;

import java.io.InputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code tamebnn} with no arguments opens the Gogo console; {@code tamebnn scope:command args...}
 * runs one command in a fresh framework and exits 0, or non-zero with a one-line reason on
 * standard error. Both go through the same Gogo command services.
 */
public final class Main {
    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;

    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./:,+=@%-]+");
    private static final long COMMAND_WAIT_MILLIS = 15_000;

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.in, System.out, System.err));
    }

    static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
        if (args.length > 0 && (args[0].equals("-h") || args[0].equals("--help"))) {
            out.println(usage());
            return OK;
        }
        Path home = home();
        Path plugins = Path.of(System.getProperty("tamebnn.plugins", home.resolve("plugins").toString()));
        if (args.length == 0) {
            return interactive(home, plugins, err);
        }
        return scripted(home, plugins, args, in, out, err);
    }

    private static int interactive(Path home, Path plugins, PrintStream err) {
        try (Platform platform = Platform.start(home, plugins, true)) {
            platform.awaitStop();
            return OK;
        } catch (Exception e) {
            err.println("tamebnn: " + describe(e));
            return FAILED;
        }
    }

    private static int scripted(Path home, Path plugins, String[] args, InputStream in, PrintStream out,
            PrintStream err) {
        List<String> words = helpRewrite(args);
        // for "help scope:fn" wait for scope:fn itself, so that its help is there to print
        String command = words.get(0).equals("help") && words.size() > 1 ? words.get(1) : words.get(0);
        try (Platform platform = Platform.start(home, plugins, false)) {
            int colon = command.indexOf(':');
            if (colon < 0) {
                // a built-in such as "help": let the platform's own commands register first
                GogoSession.awaitCommand(platform.context(), "solver", "list", COMMAND_WAIT_MILLIS);
            } else if (!GogoSession.awaitCommand(platform.context(), command.substring(0, colon),
                    command.substring(colon + 1), COMMAND_WAIT_MILLIS)) {
                err.println("tamebnn: unknown command '" + command + "' (run ./tamebnn help for the list)");
                return USAGE;
            }
            try (GogoSession session = GogoSession.open(platform.context(), in, out, err, COMMAND_WAIT_MILLIS)) {
                String result = session.execute(commandLine(words));
                if (result != null && !result.isEmpty()) {
                    out.println(result);
                }
                out.flush();
                return OK;
            }
        } catch (Exception e) {
            out.flush();
            err.println("tamebnn: " + describe(e));
            if (Boolean.getBoolean("tamebnn.debug")) {
                e.printStackTrace(err);
            }
            return FAILED;
        }
    }

    /** {@code scope:fn --help} becomes Gogo's {@code help scope:fn}. */
    static List<String> helpRewrite(String[] args) {
        List<String> words = new ArrayList<>(List.of(args));
        if (words.size() > 1 && (words.contains("--help") || words.contains("-h"))) {
            return List.of("help", words.get(0));
        }
        return words;
    }

    /** Joins shell words into a Gogo command line, quoting any word Gogo would otherwise interpret. */
    static String commandLine(List<String> words) {
        StringBuilder line = new StringBuilder();
        for (String w : words) {
            if (!line.isEmpty()) {
                line.append(' ');
            }
            if (PLAIN.matcher(w).matches()) {
                line.append(w);
            } else {
                line.append('\'').append(w.replace("\\", "\\\\").replace("'", "\\'")).append('\'');
            }
        }
        return line.toString();
    }

    /** One line for the user: the command's own message where it has one, never a stack trace. */
    static String describe(Throwable e) {
        String msg = e.getMessage();
        String type = e.getClass().getSimpleName();
        if (msg == null || msg.isBlank()) {
            return type;
        }
        if (type.equals("CommandFailure")) {
            return msg;
        }
        if (msg.startsWith("Cannot coerce ")) {
            // Gogo found no method whose parameters fit the words: an unknown option, a missing
            // value, or the --name=value form it does not read
            String fn = msg.substring("Cannot coerce ".length()).split("\\(", 2)[0];
            return "options of '" + fn + "' not understood: an unknown option, a value missing, or --name=value"
                    + " (write --name value); see its --help";
        }
        if (msg.startsWith("Command not found")) {
            return msg.replace("Command not found", "unknown command") + " (run ./tamebnn help for the list)";
        }
        return msg.lines().findFirst().orElse(msg);
    }

    static Path home() {
        String prop = System.getProperty("tamebnn.home");
        if (prop != null) {
            return Path.of(prop);
        }
        try {
            return Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI()).getParent();
        } catch (URISyntaxException e) {
            return Path.of(".");
        }
    }

    private static String usage() {
        return """
                tamebnn: binarized neural networks trained as MILPs, on any solver backend

                  tamebnn                      open the console (type help, or exit to leave)
                  tamebnn SCOPE:COMMAND ARGS   run one command and exit, e.g.
                      tamebnn bnn:compare --data bcw --train-size 25 --hidden 5
                      tamebnn solver:list
                      tamebnn solver:solve data/miplib/p0033.mps.gz --all
                  tamebnn SCOPE:COMMAND --help describe a command and its options
                  tamebnn help                 list every command
                  tamebnn test                 run the test suite (from the source tree)
                  tamebnn bench                run the benchmarks (from the source tree)
                """;
    }
}
