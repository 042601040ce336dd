package org.vtpm.tpm.eventlog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.vtpm.tpm.crypto.HashAlgorithm;

class ReplayedPcrsTest {

    private final ReplayedPcrs replay = EventLog.parse(RealLogs.bytes(RealLogs.COREOS)).replay();

    @Test
    void quotedValuesEqualToTheReplayMatch() {
        Map<Integer, Bytes> quoted = new HashMap<>(replay.values(HashAlgorithm.SHA256));

        PcrComparison comparison = replay.compare(HashAlgorithm.SHA256, quoted);

        assertTrue(comparison.allMatch());
        assertEquals(replay.touchedPcrs(), comparison.matching());
    }

    @Test
    void aChangedValueDiffersAndAPcrTheLogNeverExtendsIsNotInLog() {
        Map<Integer, Bytes> quoted = new HashMap<>(replay.values(HashAlgorithm.SHA1));
        quoted.put(7, Bytes.of(new byte[20]));
        quoted.put(16, Bytes.of(new byte[20]));

        PcrComparison comparison = replay.compare(HashAlgorithm.SHA1, quoted);

        assertFalse(comparison.allMatch());
        assertEquals(Set.of(7), comparison.differing());
        assertEquals(Set.of(16), comparison.notInLog());
        assertFalse(comparison.matching().contains(7));
        assertTrue(comparison.matching().contains(0));
    }

    @Test
    void aBankTheLogDoesNotHaveSaysNothing() {
        PcrComparison comparison = replay.compare(HashAlgorithm.SHA512, Map.of(0, Bytes.of(new byte[64])));

        assertEquals(Set.of(0), comparison.notInLog());
        assertTrue(replay.values(HashAlgorithm.SHA512).isEmpty());
    }
}
