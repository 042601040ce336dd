package org.vtpm.tpm.attest;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One reason a verdict fails.
 *
 * @param layer which part of the evidence it concerns
 * @param code what failed, stable for programs
 * @param message a sentence for a human reader
 * @param pcr the PCR concerned, for codes about a PCR's value
 * @param unexpectedEvents events present that should not be: not allowed, or not in the baseline
 * @param missingEvents events absent that should be there: required, or in the baseline
 */
public record Reason(Layer layer, Code code, String message, Optional<PcrDifference> pcr,
        List<EventDigestRef> unexpectedEvents, List<EventDigestRef> missingEvents) {

    /** What failed. */
    public enum Code {
        /** Attest or signature bytes that do not unmarshal. */
        EVIDENCE_MALFORMED,
        /** The attest structure lacks TPM_GENERATED_VALUE: no TPM produced it. */
        NOT_TPM_GENERATED,
        /** The attest structure is not a TPM_ST_ATTEST_QUOTE. */
        NOT_A_QUOTE,
        /** The quoted nonce was never issued to this attester. */
        NONCE_UNKNOWN,
        /** The quoted nonce was issued but had expired. */
        NONCE_EXPIRED,
        /** The quoted nonce was already used. */
        NONCE_REPLAYED,
        /** The quote's qualifying data is not the expected one (for a host quote: derived from the vTPM quote). */
        QUALIFYING_DATA_MISMATCH,
        /** The quote names another signing key than the certified attestation key. */
        WRONG_AK,
        /** The signature does not verify with the attestation key, or uses another scheme. */
        SIGNATURE_INVALID,
        /** The PCR values sent are not exactly the PCRs the quote selects. */
        PCR_SELECTION_MISMATCH,
        /** The quoted PCR digest is not the digest of the PCR values sent. */
        PCR_DIGEST_MISMATCH,
        /** The policy needs a PCR the quote does not cover. */
        PCR_NOT_QUOTED,
        /** A PCR differs from the policy's reference value. */
        PCR_MISMATCH,
        /** The policy needs an event log and none was sent. */
        EVENT_LOG_MISSING,
        /** The event log could not be read to its end. */
        EVENT_LOG_MALFORMED,
        /** Replaying the event log does not give the quoted PCR value. */
        EVENT_LOG_REPLAY_MISMATCH,
        /** A verified event's digest is not in the policy's allowed digests for its PCR. */
        EVENT_NOT_ALLOWED,
        /** A digest the policy requires is not among the verified events. */
        EVENT_REQUIRED_MISSING,
        /** A PCR differs from the baseline learned at the first attestation. */
        BASELINE_DEVIATION,
        /** The binding statement does not unmarshal. */
        BINDING_MALFORMED,
        /** The binding statement's signature does not verify with the trusted key. */
        BINDING_SIGNATURE_INVALID,
        /** The binding statement is about other attestation keys than the two quotes'. */
        BINDING_MISMATCH
    }

    public Reason {
        Objects.requireNonNull(layer, "layer");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(pcr, "pcr");
        unexpectedEvents = List.copyOf(unexpectedEvents);
        missingEvents = List.copyOf(missingEvents);
    }

    static Reason of(Layer layer, Code code, String message) {
        return new Reason(layer, code, message, Optional.empty(), List.of(), List.of());
    }

    static Reason ofPcr(Layer layer, Code code, PcrDifference pcr, String message) {
        return new Reason(layer, code, message, Optional.of(pcr), List.of(), List.of());
    }

    @Override
    public String toString() {
        return layer + " " + code + ": " + message;
    }
}
