package org.vtpm.tpm;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.vtpm.tpm.cli.EventLogCommand;
import org.vtpm.tpm.cli.ExitCode;
import org.vtpm.tpm.cli.SocketCommand;
import org.vtpm.tpm.cli.Subcommand;
import org.vtpm.tpm.cli.UsageException;

/**
 * The launcher of {@code vtpm.jar}: {@code java -jar vtpm.jar COMMAND [ARGS]}. Each command is
 * one {@link Subcommand} in {@link #COMMANDS}; adding a command means adding it there.
 */
public final class Main {

    private static final String PROGRAM = "vtpm";

    private static final List<Subcommand> COMMANDS = List.of(new EventLogCommand(), new SocketCommand());

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs one command line and returns the process exit code (see {@link ExitCode}). */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0) {
            err.println(PROGRAM + ": no command given");
            printUsage(err);
            return ExitCode.USAGE;
        }
        String name = args[0];
        List<String> rest = Arrays.asList(args).subList(1, args.length);
        if (name.equals("--help") || name.equals("-h") || name.equals("help")) {
            return help(rest, out, err);
        }
        Optional<Subcommand> command = find(name);
        if (command.isEmpty()) {
            err.println(PROGRAM + ": unknown command '" + name + "'");
            printUsage(err);
            return ExitCode.USAGE;
        }
        if (rest.contains("--help") || rest.contains("-h")) {
            printCommandHelp(command.get(), out);
            return ExitCode.OK;
        }
        try {
            return command.get().run(rest, out, err);
        } catch (UsageException e) {
            err.println(PROGRAM + " " + name + ": " + e.getMessage());
            err.println("usage: " + PROGRAM + " " + command.get().synopsis());
            return ExitCode.USAGE;
        }
    }

    private static int help(List<String> topic, PrintStream out, PrintStream err) {
        if (topic.isEmpty()) {
            printUsage(out);
            return ExitCode.OK;
        }
        Optional<Subcommand> command = find(topic.get(0));
        if (command.isEmpty()) {
            err.println(PROGRAM + ": unknown command '" + topic.get(0) + "'");
            printUsage(err);
            return ExitCode.USAGE;
        }
        printCommandHelp(command.get(), out);
        return ExitCode.OK;
    }

    private static Optional<Subcommand> find(String name) {
        return COMMANDS.stream().filter(command -> command.name().equals(name)).findFirst();
    }

    private static void printUsage(PrintStream stream) {
        stream.println("usage: " + PROGRAM + " COMMAND [ARGS]");
        stream.println();
        stream.println("commands:");
        for (Subcommand command : COMMANDS) {
            stream.printf("  %-10s %s%n", command.name(), command.summary());
        }
        stream.println();
        stream.println("'" + PROGRAM + " help COMMAND' or '" + PROGRAM + " COMMAND --help' describes a command.");
    }

    private static void printCommandHelp(Subcommand command, PrintStream out) {
        out.println("usage: " + PROGRAM + " " + command.synopsis());
        out.println();
        out.println(command.help());
    }
}
