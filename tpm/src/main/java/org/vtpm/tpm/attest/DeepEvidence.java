package org.vtpm.tpm.attest;

import java.util.Objects;

import org.vtpm.tpm.crypto.HashAlgorithm;
import org.vtpm.tpm.eventlog.Bytes;

/**
 * Evidence for deep attestation: the vTPM's evidence, the host pTPM's evidence whose quote has
 * {@link #hostQualifyingData} as qualifying data, and the signed {@link BindingStatement} that
 * the one runs on the other.
 *
 * @param binding the binding statement in its canonical encoding
 * @param bindingSignature the marshalled TPMT_SIGNATURE over {@code binding}
 */
public record DeepEvidence(Evidence vtpm, Evidence host, Bytes binding, Bytes bindingSignature) {

    public DeepEvidence {
        Objects.requireNonNull(vtpm, "vtpm");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(binding, "binding");
        Objects.requireNonNull(bindingSignature, "bindingSignature");
    }

    /**
     * The qualifying data of the host quote: SHA-256(vTPM attest bytes || nonce). The host quote
     * then cannot predate the vTPM quote, nor be reused with another one.
     */
    public static Bytes hostQualifyingData(Bytes vtpmAttest, Bytes nonce) {
        return Bytes.of(HashAlgorithm.SHA256.hash(vtpmAttest.toByteArray(), nonce.toByteArray()));
    }
}
