package org.vtpm.tpm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import jakarta.json.JsonObject;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.vtpm.tpm.eventlog.EventLog;
import org.vtpm.tpm.eventlog.RealLogs;

/** Both report formats render whatever a damaged log decodes to. */
class EventLogReportsTest {

    @Property(tries = 200)
    void damagedLogsRenderAsTextAndJson(@ForAll("damagedLogs") byte[] bytes) {
        EventLog log = EventLog.parse(bytes);

        ByteArrayOutputStream text = new ByteArrayOutputStream();
        EventLogTextReport.write(log, new PrintStream(text, true, StandardCharsets.UTF_8));
        JsonObject json = EventLogJsonReport.toJson(log);

        assertTrue(text.toString(StandardCharsets.UTF_8).contains("Events (" + log.events().size() + ")"));
        assertEquals(log.events().size(), json.getJsonArray("events").size());
        assertEquals(log.problems().size(), json.getJsonArray("problems").size());
    }

    @Provide
    Arbitrary<byte[]> damagedLogs() {
        Arbitrary<byte[]> logs = Arbitraries.of(RealLogs.COREOS, RealLogs.OPTION_ROM, RealLogs.SB_CERT)
                .map(RealLogs::bytes);
        Arbitrary<List<Integer>> positions = Arbitraries.integers().between(0, Integer.MAX_VALUE).list().ofMinSize(1)
                .ofMaxSize(6);
        Arbitrary<Integer> cut = Arbitraries.integers().between(0, Integer.MAX_VALUE);
        return Combinators.combine(logs, positions, cut).as((log, at, end) -> {
            byte[] damaged = Arrays.copyOf(log, 1 + end % log.length);
            for (int position : at) {
                damaged[position % damaged.length] ^= (byte) (position >>> 8 | 1);
            }
            return damaged;
        });
    }
}
