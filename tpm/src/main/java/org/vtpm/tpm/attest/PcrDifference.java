package org.vtpm.tpm.attest;

import java.util.Objects;

import org.vtpm.tpm.crypto.HashAlgorithm;
import org.vtpm.tpm.eventlog.Bytes;

/** One PCR whose value is not the one expected (by a policy, a replayed log or a baseline). */
public record PcrDifference(HashAlgorithm bank, int pcr, Bytes expected, Bytes actual) {

    public PcrDifference {
        Objects.requireNonNull(bank, "bank");
        Objects.requireNonNull(expected, "expected");
        Objects.requireNonNull(actual, "actual");
    }

    @Override
    public String toString() {
        return bank.tpmName() + " PCR " + pcr + " is " + actual.hex() + ", expected " + expected.hex();
    }
}
