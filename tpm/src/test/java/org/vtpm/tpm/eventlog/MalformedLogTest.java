package org.vtpm.tpm.eventlog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/**
 * A log is evidence from an untrusted machine: whatever its bytes, parsing and replay return
 * values, never an unchecked exception, and a log cut short says so.
 */
class MalformedLogTest {

    @Test
    void everyTruncationOfACryptoAgileLogKeepsTheEventsBeforeTheCut() {
        assertTruncationsAreReported(RealLogs.bytes(RealLogs.CRYPTO_AGILE));
    }

    @Test
    void everyTruncationOfASha1LogKeepsTheEventsBeforeTheCut() {
        assertTruncationsAreReported(RealLogs.bytes(RealLogs.EBS_MISSING));
    }

    private static void assertTruncationsAreReported(byte[] full) {
        List<Event> all = EventLog.parse(full).events();
        Set<Long> boundaries = all.stream().map(Event::offset).collect(Collectors.toSet());
        for (int length = 0; length < full.length; length++) {
            EventLog cut = EventLog.parse(Arrays.copyOf(full, length));
            List<Event> events = cut.events();
            assertEquals(all.subList(0, events.size()), events, "prefix of " + length);
            if (length > 0 && boundaries.contains((long) length)) {
                assertTrue(cut.complete(), () -> "cut at the event boundary " + cut.problems());
            } else {
                assertFalse(cut.complete(), "a log cut at " + length + " is incomplete");
                Problem problem = cut.problems().get(cut.problems().size() - 1);
                assertEquals(Problem.Kind.TRUNCATED, cut.problems().stream().filter(p -> p.kind().endsParsing())
                        .findFirst().orElseThrow().kind(), "cut at " + length);
                assertTrue(problem.offset() <= length);
            }
            if (length % 101 == 0) {
                cut.replay();
            }
        }
    }

    @Property(tries = 300)
    void arbitraryBytesNeverThrow(@ForAll @Size(max = 2048) byte[] bytes) {
        EventLog log = EventLog.parse(bytes);
        log.replay();
        assertTrue(log.complete() || !log.problems().isEmpty());
    }

    @Property(tries = 300)
    void corruptedRealLogsNeverThrow(@ForAll("corruptions") byte[] bytes) {
        EventLog log = EventLog.parse(bytes);
        log.replay();
        log.events().forEach(event -> event.decoded().ifPresent(data -> {
            if (data instanceof UefiImageLoadEvent image) {
                image.filePath();
            }
        }));
    }

    /** Real logs with a few bytes overwritten, so that parsing goes deep before meeting them. */
    @Provide
    Arbitrary<byte[]> corruptions() {
        Arbitrary<byte[]> logs = Arbitraries.of(RealLogs.CRYPTO_AGILE, RealLogs.SB_CERT, RealLogs.EBS_MISSING)
                .map(RealLogs::bytes);
        Arbitrary<List<Integer>> positions = Arbitraries.integers().between(0, Integer.MAX_VALUE).list().ofMinSize(1)
                .ofMaxSize(8);
        Arbitrary<List<Byte>> values = Arbitraries.of((byte) 0x00, (byte) 0xFF, (byte) 0x7F, (byte) 0x80, (byte) 0x01)
                .list().ofSize(8);
        return Combinators.combine(logs, positions, values).as((log, at, with) -> {
            byte[] corrupted = log.clone();
            for (int i = 0; i < at.size(); i++) {
                corrupted[at.get(i) % corrupted.length] = with.get(i);
            }
            return corrupted;
        });
    }
}
