package org.vtpm.tpm.eventlog;

import java.util.Objects;
import java.util.Optional;

import org.vtpm.tpm.crypto.HashAlgorithm;

/**
 * One digest of an event ({@code TPMT_HA}): the algorithm as logged and the digest bytes. The
 * algorithm may be one this library cannot compute; its size then came from the Spec ID table.
 */
public record EventDigest(int algId, Bytes digest) {

    public EventDigest {
        Objects.requireNonNull(digest, "digest");
    }

    public Optional<HashAlgorithm> algorithm() {
        return HashAlgorithm.fromAlgId(algId);
    }

    /** The bank's name in reports: "sha256", or "alg_0x0013" for an algorithm not known here. */
    public String algorithmName() {
        return algorithmName(algId);
    }

    static String algorithmName(int algId) {
        return HashAlgorithm.fromAlgId(algId).map(HashAlgorithm::tpmName)
                .orElseGet(() -> String.format("alg_0x%04x", algId));
    }
}
