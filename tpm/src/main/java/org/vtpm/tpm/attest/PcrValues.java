package org.vtpm.tpm.attest;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

import org.vtpm.tpm.crypto.HashAlgorithm;
import org.vtpm.tpm.eventlog.Bytes;

/**
 * PCR values by bank and index: what a TPM reported beside a quote, a policy's reference values,
 * or a learned baseline. Nothing is checked here: values from evidence are judged against the
 * quote by {@link QuoteVerifier}.
 */
public record PcrValues(Map<HashAlgorithm, SortedMap<Integer, Bytes>> banks) {

    public static final PcrValues EMPTY = new PcrValues(Map.of());

    public PcrValues {
        Map<HashAlgorithm, SortedMap<Integer, Bytes>> copy = new EnumMap<>(HashAlgorithm.class);
        banks.forEach((bank, values) -> {
            if (!values.isEmpty()) {
                copy.put(bank, Collections.unmodifiableSortedMap(new TreeMap<>(values)));
            }
        });
        banks = Collections.unmodifiableMap(copy);
    }

    public Optional<Bytes> value(HashAlgorithm bank, int pcr) {
        return Optional.ofNullable(banks.getOrDefault(bank, Collections.emptySortedMap()).get(pcr));
    }

    /** The values of one bank by index; empty for a bank not present. */
    public SortedMap<Integer, Bytes> bank(HashAlgorithm bank) {
        return banks.getOrDefault(bank, Collections.emptySortedMap());
    }

    /** Which PCRs have a value, by bank. */
    public Map<HashAlgorithm, SortedSet<Integer>> indices() {
        Map<HashAlgorithm, SortedSet<Integer>> indices = new EnumMap<>(HashAlgorithm.class);
        banks.forEach((bank, values) -> indices.put(bank, Collections.unmodifiableSortedSet(new TreeSet<>(values.keySet()))));
        return Collections.unmodifiableMap(indices);
    }

    /** These values restricted to the given PCRs. */
    public PcrValues only(Map<HashAlgorithm, ? extends SortedSet<Integer>> selection) {
        Map<HashAlgorithm, SortedMap<Integer, Bytes>> kept = new EnumMap<>(HashAlgorithm.class);
        selection.forEach((bank, pcrs) -> {
            SortedMap<Integer, Bytes> values = new TreeMap<>(bank(bank));
            values.keySet().retainAll(pcrs);
            kept.put(bank, values);
        });
        return new PcrValues(kept);
    }
}
