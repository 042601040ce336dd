package org.vtpm.tpm.eventlog;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.vtpm.tpm.crypto.HashAlgorithm;

/**
 * One event of a log, {@code TCG_PCR_EVENT} or {@code TCG_PCR_EVENT2}: the PCR it extends, its
 * type, its digests (one in a SHA-1 log, one per bank in a crypto-agile log) and its data.
 *
 * @param index the event's position in the log, from 0 (the header event)
 * @param offset the byte offset of the event in the log
 * @param pcrIndex the PCR the event extends, as logged
 * @param eventType the {@code UINT32} event type as logged
 * @param data the event data as logged
 * @param decoded the structure of the data, for the types this library decodes
 */
public record Event(int index, long offset, int pcrIndex, int eventType, List<EventDigest> digests, Bytes data,
        Optional<EventData> decoded) {

    public Event {
        digests = List.copyOf(digests);
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(decoded, "decoded");
    }

    public Optional<EventType> type() {
        return EventType.fromValue(eventType);
    }

    /** The specification's name of the type ("EV_SEPARATOR"), or its value in hexadecimal. */
    public String typeName() {
        return EventType.nameOf(eventType);
    }

    public boolean is(EventType type) {
        return eventType == type.value();
    }

    /** Whether the event extends its PCR: every type but EV_NO_ACTION does. */
    public boolean extendsPcr() {
        return !is(EventType.EV_NO_ACTION);
    }

    /** The event's digest for {@code algorithm}, if the event carries one. */
    public Optional<Bytes> digest(HashAlgorithm algorithm) {
        return digests.stream().filter(d -> d.algId() == algorithm.algId()).map(EventDigest::digest).findFirst();
    }
}
