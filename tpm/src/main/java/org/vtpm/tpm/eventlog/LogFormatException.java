package org.vtpm.tpm.eventlog;

/**
 * Raised inside the parser when bytes do not fit the format; never leaves the package, the parser
 * turns it into a {@link Problem}.
 */
final class LogFormatException extends Exception {

    private final Problem.Kind kind;
    private final long offset;

    LogFormatException(Problem.Kind kind, long offset, String message) {
        super(message, null, false, false);
        this.kind = kind;
        this.offset = offset;
    }

    Problem.Kind kind() {
        return kind;
    }

    long offset() {
        return offset;
    }

    Problem toProblem(int eventIndex) {
        return new Problem(kind, eventIndex, offset, getMessage());
    }
}
