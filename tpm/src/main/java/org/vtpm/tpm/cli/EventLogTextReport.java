package org.vtpm.tpm.cli;

import java.io.PrintStream;
import java.util.Map;
import java.util.stream.Collectors;

import org.vtpm.tpm.crypto.HashAlgorithm;
import org.vtpm.tpm.eventlog.Bytes;
import org.vtpm.tpm.eventlog.Event;
import org.vtpm.tpm.eventlog.EventDigest;
import org.vtpm.tpm.eventlog.EventLog;
import org.vtpm.tpm.eventlog.Problem;
import org.vtpm.tpm.eventlog.ReplayedPcrs;
import org.vtpm.tpm.eventlog.SpecIdEvent;

/** The readable form of a parsed log: a header line, the events, the replayed PCRs, the problems. */
final class EventLogTextReport {

    private EventLogTextReport() {
    }

    static void write(EventLog log, PrintStream out) {
        writeHeader(log, out);
        out.println();
        writeEvents(log, out);
        out.println();
        writePcrs(log.replay(), out);
        out.println();
        writeProblems(log, out);
        out.flush();
    }

    private static void writeHeader(EventLog log, PrintStream out) {
        StringBuilder header = new StringBuilder("Event log: ").append(log.format().label());
        log.specId().ifPresent(specId -> header.append(", ").append(describe(specId)));
        header.append(", banks ").append(log.banks().stream().map(HashAlgorithm::tpmName)
                .collect(Collectors.joining(" ")));
        log.startupLocality().ifPresent(locality -> header.append(", startup locality ").append(locality));
        if (!log.complete()) {
            header.append(", INCOMPLETE");
        }
        out.println(header);
    }

    private static String describe(SpecIdEvent specId) {
        return String.format("%s (PC Client spec %d.%d errata %d, platform class %d)", specId.signature(),
                specId.specVersionMajor(), specId.specVersionMinor(), specId.specErrata(), specId.platformClass());
    }

    private static void writeEvents(EventLog log, PrintStream out) {
        out.printf("Events (%d)%n", log.events().size());
        out.printf("%5s %4s  %-34s %s%n", "#", "PCR", "Type", "Data");
        for (Event event : log.events()) {
            out.printf("%5d %4s  %-34s %s%n", event.index(), Integer.toUnsignedString(event.pcrIndex()),
                    event.typeName(), EventSummary.of(event));
            for (EventDigest digest : event.digests()) {
                out.printf("%12s%-8s %s%n", "", digest.algorithmName(), digest.digest().hex());
            }
        }
    }

    private static void writePcrs(ReplayedPcrs pcrs, PrintStream out) {
        out.println("Replayed PCRs");
        if (pcrs.touchedPcrs().isEmpty()) {
            out.println("  (the log extends no PCR)");
            return;
        }
        for (HashAlgorithm bank : pcrs.banks()) {
            out.println("  " + bank.tpmName());
            for (Map.Entry<Integer, Bytes> pcr : pcrs.values(bank).entrySet()) {
                out.printf("  %4d  %s%n", pcr.getKey(), pcr.getValue().hex());
            }
        }
    }

    private static void writeProblems(EventLog log, PrintStream out) {
        if (log.problems().isEmpty()) {
            out.println("Problems: none");
            return;
        }
        out.printf("Problems (%d)%n", log.problems().size());
        for (Problem problem : log.problems()) {
            out.println("  " + problem);
        }
    }
}
