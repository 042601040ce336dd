package org.vtpm.tpm.eventlog;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

import org.bouncycastle.crypto.Digest;
import org.vtpm.tpm.crypto.HashAlgorithm;

/**
 * PCR values computed from an event log: for each bank, PCR[i] = H(PCR[i] || digest) over the
 * events that extend PCR i, starting from zero (PCR 0 from the startup locality). Only the PCRs
 * the log extends have a value here; the log says nothing about the others.
 */
public final class ReplayedPcrs {

    /** PCRs of a PC Client TPM: 0 to 23. */
    public static final int PCR_COUNT = 24;

    private final Map<HashAlgorithm, SortedMap<Integer, Bytes>> values;
    private final SortedSet<Integer> touched;

    private ReplayedPcrs(Map<HashAlgorithm, SortedMap<Integer, Bytes>> values, SortedSet<Integer> touched) {
        this.values = values;
        this.touched = touched;
    }

    static ReplayedPcrs replay(List<Event> events, List<HashAlgorithm> banks, int startupLocality) {
        SortedSet<Integer> touched = new TreeSet<>();
        for (Event event : events) {
            if (event.extendsPcr() && inRange(event.pcrIndex())) {
                touched.add(event.pcrIndex());
            }
        }
        Map<HashAlgorithm, SortedMap<Integer, Bytes>> values = new EnumMap<>(HashAlgorithm.class);
        for (HashAlgorithm bank : banks) {
            values.put(bank, Collections.unmodifiableSortedMap(replayBank(events, bank, startupLocality, touched)));
        }
        return new ReplayedPcrs(Collections.unmodifiableMap(values), Collections.unmodifiableSortedSet(touched));
    }

    private static SortedMap<Integer, Bytes> replayBank(List<Event> events, HashAlgorithm bank, int startupLocality,
            SortedSet<Integer> touched) {
        byte[][] pcrs = new byte[PCR_COUNT][bank.digestSize()];
        pcrs[0][bank.digestSize() - 1] = (byte) startupLocality;
        Digest digest = bank.newDigest();
        for (Event event : events) {
            if (!event.extendsPcr() || !inRange(event.pcrIndex())) {
                continue;
            }
            Optional<Bytes> measured = event.digest(bank);
            if (measured.isEmpty()) {
                continue;
            }
            byte[] pcr = pcrs[event.pcrIndex()];
            byte[] extension = measured.get().unsafeArray();
            digest.update(pcr, 0, pcr.length);
            digest.update(extension, 0, extension.length);
            digest.doFinal(pcr, 0);
        }
        SortedMap<Integer, Bytes> bankValues = new TreeMap<>();
        for (int index : touched) {
            bankValues.put(index, Bytes.wrap(pcrs[index]));
        }
        return bankValues;
    }

    static boolean inRange(int pcrIndex) {
        return pcrIndex >= 0 && pcrIndex < PCR_COUNT;
    }

    /** The banks replayed, in the order of {@link HashAlgorithm}. */
    public List<HashAlgorithm> banks() {
        return List.copyOf(values.keySet());
    }

    /** The PCRs the log extends, the same in every bank. */
    public SortedSet<Integer> touchedPcrs() {
        return touched;
    }

    /** The replayed values of one bank, by PCR index; empty for a bank not replayed. */
    public SortedMap<Integer, Bytes> values(HashAlgorithm bank) {
        return values.getOrDefault(bank, Collections.emptySortedMap());
    }

    public Optional<Bytes> value(HashAlgorithm bank, int pcrIndex) {
        return Optional.ofNullable(values(bank).get(pcrIndex));
    }

    /**
     * Compares this replay with PCR values of {@code bank} read from a TPM. A bank this replay does
     * not have puts every given PCR in {@code notInLog}.
     */
    public PcrComparison compare(HashAlgorithm bank, Map<Integer, Bytes> actual) {
        SortedMap<Integer, Bytes> replayed = values(bank);
        SortedSet<Integer> matching = new TreeSet<>();
        SortedSet<Integer> differing = new TreeSet<>();
        SortedSet<Integer> notInLog = new TreeSet<>();
        actual.forEach((index, value) -> {
            Bytes expected = replayed.get(index);
            if (expected == null) {
                notInLog.add(index);
            } else if (expected.equals(value)) {
                matching.add(index);
            } else {
                differing.add(index);
            }
        });
        return new PcrComparison(bank, matching, differing, notInLog);
    }
}
