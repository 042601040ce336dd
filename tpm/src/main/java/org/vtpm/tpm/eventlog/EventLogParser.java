package org.vtpm.tpm.eventlog;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.vtpm.tpm.crypto.HashAlgorithm;

/**
 * Reads the events of a log one by one. The first event is always a {@code TCG_PCR_EVENT}; when
 * it is the "Spec ID Event03" header, the rest are {@code TCG_PCR_EVENT2} with digest sizes from
 * its table. The first error that makes the next event's position unknowable ends parsing; the
 * events read so far are kept.
 */
final class EventLogParser {

    private static final int SHA1_DIGEST_SIZE = 20;
    /** PCRIndex, EventType, a SHA-1 digest and EventSize. */
    private static final int EMPTY_EVENT_SIZE = 4 + 4 + SHA1_DIGEST_SIZE + 4;
    /** PCRIndex, EventType, a digest count of zero and EventSize. */
    private static final int EMPTY_EVENT2_SIZE = 4 + 4 + 4 + 4;

    private final byte[] log;
    private final ParseLimits limits;
    private final EventDataDecoder decoder;
    private final List<Event> events = new ArrayList<>();
    private final List<Problem> problems = new ArrayList<>();
    private final int paddingStart;
    private LogFormat format = LogFormat.SHA1;
    private SpecIdEvent specId;

    private EventLogParser(byte[] log, ParseLimits limits) {
        this.log = log;
        this.limits = limits;
        this.decoder = new EventDataDecoder(limits, (offset, message) -> problems.add(
                new Problem(Problem.Kind.UNDECODABLE_DATA, events.size(), offset, "decoded, but " + message)));
        this.paddingStart = paddingStart(log);
    }

    static EventLogParser parse(byte[] log, ParseLimits limits) {
        EventLogParser parser = new EventLogParser(log, limits);
        parser.run();
        return parser;
    }

    LogFormat format() {
        return format;
    }

    Optional<SpecIdEvent> specId() {
        return Optional.ofNullable(specId);
    }

    List<Event> events() {
        return events;
    }

    List<Problem> problems() {
        return problems;
    }

    private void run() {
        LogReader reader = new LogReader(log, 0);
        try {
            if (log.length > limits.maxLogSize()) {
                throw new LogFormatException(Problem.Kind.LIMIT_EXCEEDED, 0,
                        "the log holds " + log.length + " bytes, more than the limit of " + limits.maxLogSize());
            }
            readHeaderEvent(reader);
            while (reader.hasRemaining() && !atPadding(reader)) {
                if (events.size() == limits.maxEvents()) {
                    throw new LogFormatException(Problem.Kind.LIMIT_EXCEEDED, reader.offset(),
                            "the log holds more than the limit of " + limits.maxEvents() + " events");
                }
                events.add(format == LogFormat.CRYPTO_AGILE ? readEvent2(reader) : readEvent(reader));
            }
        } catch (LogFormatException e) {
            problems.add(e.toProblem(events.size()));
        }
    }

    private void readHeaderEvent(LogReader reader) throws LogFormatException {
        long offset = reader.offset();
        int pcrIndex = reader.u32("PCRIndex");
        int eventType = reader.u32("EventType");
        Bytes digest = Bytes.wrap(reader.bytes(SHA1_DIGEST_SIZE, "Digest"));
        byte[] data = eventData(reader);
        long dataOffset = reader.offset() - data.length;
        Optional<EventData> decoded = decodeReportingProblems(eventType, data, dataOffset, true);
        if (decoded.isPresent() && decoded.get() instanceof SpecIdEvent header) {
            specId = header;
            if (header.cryptoAgile()) {
                format = LogFormat.CRYPTO_AGILE;
                reportUnsupportedAlgorithms(header, offset);
            }
            if (pcrIndex != 0 || !digest.isAllZero()) {
                problems.add(new Problem(Problem.Kind.MISPLACED_HEADER, 0, offset,
                        "the Spec ID event must be logged for PCR 0 with a zero digest"));
            }
        }
        events.add(new Event(0, offset, pcrIndex, eventType,
                List.of(new EventDigest(HashAlgorithm.SHA1.algId(), digest)), Bytes.wrap(data), decoded));
    }

    private Event readEvent(LogReader reader) throws LogFormatException {
        long offset = reader.offset();
        int pcrIndex = reader.u32("PCRIndex");
        int eventType = reader.u32("EventType");
        Bytes digest = Bytes.wrap(reader.bytes(SHA1_DIGEST_SIZE, "Digest"));
        return finish(reader, offset, pcrIndex, eventType, List.of(new EventDigest(HashAlgorithm.SHA1.algId(), digest)));
    }

    private Event readEvent2(LogReader reader) throws LogFormatException {
        long offset = reader.offset();
        int pcrIndex = reader.u32("PCRIndex");
        int eventType = reader.u32("EventType");
        long countOffset = reader.offset();
        long count = reader.u32("TPML_DIGEST_VALUES.count") & 0xFFFFFFFFL;
        if (count > specId.digestSizes().size()) {
            throw new LogFormatException(Problem.Kind.MALFORMED, countOffset, "the event has " + count
                    + " digests but the Spec ID table lists " + specId.digestSizes().size() + " algorithms");
        }
        List<EventDigest> digests = new ArrayList<>();
        for (long i = 0; i < count; i++) {
            long algOffset = reader.offset();
            int algId = reader.u16("TPMT_HA.hashAlg");
            int size = specId.digestSize(algId).orElseThrow(() -> new LogFormatException(Problem.Kind.MALFORMED,
                    algOffset, String.format("digest algorithm 0x%04x is not in the Spec ID table, so its size is unknown",
                            algId)));
            digests.add(new EventDigest(algId, Bytes.wrap(reader.bytes(size, "TPMT_HA.digest"))));
        }
        return finish(reader, offset, pcrIndex, eventType, digests);
    }

    private Event finish(LogReader reader, long offset, int pcrIndex, int eventType, List<EventDigest> digests)
            throws LogFormatException {
        byte[] data = eventData(reader);
        long dataOffset = reader.offset() - data.length;
        Optional<EventData> decoded = decodeReportingProblems(eventType, data, dataOffset, false);
        return new Event(events.size(), offset, pcrIndex, eventType, digests, Bytes.wrap(data), decoded);
    }

    private byte[] eventData(LogReader reader) throws LogFormatException {
        long sizeOffset = reader.offset();
        long size = reader.u32("EventSize") & 0xFFFFFFFFL;
        if (size > limits.maxEventDataSize()) {
            throw new LogFormatException(Problem.Kind.LIMIT_EXCEEDED, sizeOffset,
                    "EventSize " + size + " exceeds the limit of " + limits.maxEventDataSize() + " bytes");
        }
        return reader.bytes(size, "Event");
    }

    /**
     * Decodes data whose structure is wrong without ending the parse, as its size was right; only
     * a broken Spec ID header ends it, since the header gives the size of every later digest.
     */
    private Optional<EventData> decodeReportingProblems(int eventType, byte[] data, long dataOffset,
            boolean header) throws LogFormatException {
        try {
            return decoder.decode(eventType, data, dataOffset);
        } catch (LogFormatException e) {
            if (header && e.kind().endsParsing()) {
                throw e;
            }
            problems.add(new Problem(Problem.Kind.UNDECODABLE_DATA, events.size(), e.offset(),
                    EventType.nameOf(eventType) + " data: " + e.getMessage()));
            return Optional.empty();
        }
    }

    private void reportUnsupportedAlgorithms(SpecIdEvent header, long offset) {
        for (SpecIdEvent.AlgorithmDigestSize entry : header.digestSizes()) {
            Optional<HashAlgorithm> algorithm = HashAlgorithm.fromAlgId(entry.algorithmId());
            if (algorithm.isEmpty()) {
                problems.add(new Problem(Problem.Kind.UNSUPPORTED_ALGORITHM, 0, offset, String.format(
                        "algorithm 0x%04x is not known here; its digests are read but not replayed",
                        entry.algorithmId())));
            } else if (algorithm.get().digestSize() != entry.digestSize()) {
                problems.add(new Problem(Problem.Kind.UNSUPPORTED_ALGORITHM, 0, offset, String.format(
                        "the Spec ID table gives %s a digest size of %d instead of %d; that bank is not replayed",
                        algorithm.get().tpmName(), entry.digestSize(), algorithm.get().digestSize())));
            }
        }
    }

    /**
     * Logs copied from the ACPI log area keep the area's zero fill after the last event. Where
     * only zeros are left, at least an empty event's worth, the log ends without a report; fewer
     * zeros are read as an event, so a log cut short is still reported as truncated.
     */
    private boolean atPadding(LogReader reader) {
        int emptyEventSize = format == LogFormat.CRYPTO_AGILE ? EMPTY_EVENT2_SIZE : EMPTY_EVENT_SIZE;
        return reader.offset() >= paddingStart && reader.remaining() >= emptyEventSize;
    }

    private static int paddingStart(byte[] log) {
        int end = log.length;
        while (end > 0 && log[end - 1] == 0) {
            end--;
        }
        return end;
    }
}
