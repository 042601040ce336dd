package org.vtpm.tpm.eventlog;

import java.util.SortedSet;
import java.util.TreeSet;
import java.util.Collections;

import org.vtpm.tpm.crypto.HashAlgorithm;

/**
 * The outcome of comparing a replay with PCR values read from a TPM (a quote, say), for one bank.
 *
 * @param matching PCRs the log extends whose replayed value equals the given one
 * @param differing PCRs the log extends whose replayed value differs from the given one
 * @param notInLog given PCRs the log never extends, about which it therefore says nothing
 */
public record PcrComparison(HashAlgorithm bank, SortedSet<Integer> matching, SortedSet<Integer> differing,
        SortedSet<Integer> notInLog) {

    public PcrComparison {
        matching = Collections.unmodifiableSortedSet(new TreeSet<>(matching));
        differing = Collections.unmodifiableSortedSet(new TreeSet<>(differing));
        notInLog = Collections.unmodifiableSortedSet(new TreeSet<>(notInLog));
    }

    /** Whether the log accounts for every given PCR value. */
    public boolean allMatch() {
        return differing.isEmpty() && notInLog.isEmpty();
    }
}
