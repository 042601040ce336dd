package org.vtpm.tpm.attest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.vtpm.tpm.crypto.HashAlgorithm;
import org.vtpm.tpm.eventlog.Bytes;
import org.vtpm.tpm.eventlog.Event;
import org.vtpm.tpm.eventlog.EventLog;
import org.vtpm.tpm.eventlog.RealLogs;

/** The real event log the simulated boots replay, and variants of it with one event changed. */
final class Logs {

    static final byte[] CRYPTO_AGILE = RealLogs.bytes(RealLogs.CRYPTO_AGILE);

    private Logs() {
    }

    static EventLog parse(byte[] log) {
        return EventLog.parse(log);
    }

    /** The last event of the log that extends {@code pcr}. */
    static Event lastEventOf(EventLog log, int pcr) {
        Event last = null;
        for (Event event : log.events()) {
            if (event.extendsPcr() && event.pcrIndex() == pcr) {
                last = event;
            }
        }
        return last;
    }

    /** The log with one byte of {@code event}'s SHA-256 digest flipped: a different boot application, say. */
    static byte[] withChangedDigest(byte[] log, Event event) {
        byte[] digest = event.digest(HashAlgorithm.SHA256).orElseThrow().toByteArray();
        int at = indexOf(log, digest);
        byte[] changed = log.clone();
        changed[at] ^= 0x01;
        return changed;
    }

    static Bytes digest(EventLog log, Event event) {
        return log.events().get(event.index()).digest(HashAlgorithm.SHA256).orElseThrow();
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        int found = -1;
        int count = 0;
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            int j = 0;
            while (j < needle.length && haystack[i + j] == needle[j]) {
                j++;
            }
            if (j == needle.length) {
                found = i;
                count++;
            }
        }
        assertEquals(1, count, "the digest to change occurs once in the log");
        return found;
    }
}
