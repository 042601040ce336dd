package org.vtpm.tpm.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.vtpm.tpm.eventlog.EventLog;
import org.vtpm.tpm.eventlog.ParseLimits;

/** {@code eventlog [--json] FILE}: parses a TCG event log, prints its events and replayed PCRs. */
public final class EventLogCommand implements Subcommand {

    @Override
    public String name() {
        return "eventlog";
    }

    @Override
    public String synopsis() {
        return "eventlog [--json] FILE";
    }

    @Override
    public String summary() {
        return "parse a TCG event log and replay it into PCR values";
    }

    @Override
    public String help() {
        return String.join(System.lineSeparator(),
                "Parses a TCG PC Client event log (SHA-1 or crypto-agile), such as",
                "/sys/kernel/security/tpm0/binary_bios_measurements, and prints its events, the PCR",
                "values it replays to per bank, and the problems found in it.",
                "",
                "  --json   print {\"banks\": {BANK: {PCR: HEX}}, \"events\": [...], \"problems\": [...]}",
                "",
                "Exit status: 0 when the log was read (even with problems), 1 when the file cannot be",
                "read, 2 for a wrong command line.");
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws UsageException {
        boolean json = false;
        List<String> files = new ArrayList<>();
        boolean optionsEnded = false;
        for (String arg : args) {
            if (optionsEnded || !arg.startsWith("-") || arg.equals("-")) {
                files.add(arg);
            } else if (arg.equals("--")) {
                optionsEnded = true;
            } else if (arg.equals("--json")) {
                json = true;
            } else {
                throw new UsageException("unknown option '" + arg + "'");
            }
        }
        if (files.size() != 1) {
            throw new UsageException(files.isEmpty() ? "no FILE given" : "only one FILE may be given");
        }
        byte[] bytes;
        try {
            bytes = read(files.get(0));
        } catch (IOException | InvalidPathException e) {
            err.println("vtpm eventlog: cannot read " + files.get(0) + ": " + e.getMessage());
            return ExitCode.FAILURE;
        }
        EventLog log = EventLog.parse(bytes);
        if (json) {
            EventLogJsonReport.write(log, out);
        } else {
            EventLogTextReport.write(log, out);
        }
        return ExitCode.OK;
    }

    private static byte[] read(String name) throws IOException {
        Path path = Path.of(name);
        if (Files.isDirectory(path)) {
            throw new IOException("it is a directory");
        }
        long size = Files.size(path);
        int limit = ParseLimits.DEFAULT.maxLogSize();
        if (size > limit) {
            throw new IOException("it holds " + size + " bytes, more than the " + limit + " accepted");
        }
        return Files.readAllBytes(path);
    }
}
