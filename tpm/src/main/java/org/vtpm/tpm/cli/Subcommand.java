package org.vtpm.tpm.cli;

import java.io.PrintStream;
import java.util.List;

/** One command of {@code vtpm.jar}, dispatched by its name. */
public interface Subcommand {

    /** The word that selects the command ("eventlog"). */
    String name();

    /** The arguments it takes, for usage lines ("eventlog [--json] FILE"). */
    String synopsis();

    /** One line for the list of commands. */
    String summary();

    /** What {@code --help} prints after the usage line. */
    String help();

    /**
     * Runs the command with the arguments after its name.
     *
     * @return an {@link ExitCode}
     * @throws UsageException when the arguments are wrong
     */
    int run(List<String> args, PrintStream out, PrintStream err) throws UsageException;
}
