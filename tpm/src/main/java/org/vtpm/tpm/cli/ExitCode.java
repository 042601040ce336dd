package org.vtpm.tpm.cli;

/** Process exit codes of {@code vtpm.jar}, shared by every command. */
public final class ExitCode {

    /** The command did its work (an event log with reported problems still counts). */
    public static final int OK = 0;
    /** The command could not do its work: an unreadable input file, for one. */
    public static final int FAILURE = 1;
    /** The command line was wrong. */
    public static final int USAGE = 2;

    private ExitCode() {
    }
}
