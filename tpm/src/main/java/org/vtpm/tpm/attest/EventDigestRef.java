package org.vtpm.tpm.attest;

import java.util.Objects;

import org.vtpm.tpm.crypto.HashAlgorithm;
import org.vtpm.tpm.eventlog.Bytes;

/**
 * An event digest extended into a PCR: what policies allow or require, what a baseline records,
 * and what a reason names. Event types are not part of it: a PCR holds digests only, so only the
 * digest is vouched for by the quote.
 */
public record EventDigestRef(HashAlgorithm bank, int pcr, Bytes digest) {

    public EventDigestRef {
        Objects.requireNonNull(bank, "bank");
        Objects.requireNonNull(digest, "digest");
    }

    @Override
    public String toString() {
        return bank.tpmName() + ":" + pcr + ":" + digest.hex();
    }
}
