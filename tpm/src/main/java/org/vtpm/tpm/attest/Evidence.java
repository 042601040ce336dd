package org.vtpm.tpm.attest;

import java.util.Objects;
import java.util.Optional;

import org.vtpm.tpm.command.QuoteResponse;
import org.vtpm.tpm.eventlog.Bytes;
import org.vtpm.tpm.wire.Codecs;

/**
 * What an attester sends: a quote and the values it covers, as received, unparsed.
 *
 * @param attest the TPMS_ATTEST exactly as the TPM returned it (the contents of TPM2B_ATTEST):
 *     the signature is over these bytes, not over a re-encoding
 * @param signature the marshalled TPMT_SIGNATURE
 * @param pcrs the values of the quoted PCRs (from TPM2_PCR_Read beside the quote)
 * @param eventLog the TCG event log that claims to explain the PCRs, when there is one
 */
public record Evidence(Bytes attest, Bytes signature, PcrValues pcrs, Optional<Bytes> eventLog) {

    public Evidence {
        Objects.requireNonNull(attest, "attest");
        Objects.requireNonNull(signature, "signature");
        Objects.requireNonNull(pcrs, "pcrs");
        Objects.requireNonNull(eventLog, "eventLog");
    }

    /** Evidence from a TPM2_Quote response and the PCR values read with it. */
    public static Evidence of(QuoteResponse quote, PcrValues pcrs, Optional<Bytes> eventLog) {
        return new Evidence(Bytes.of(quote.quoted().encoded()), Bytes.of(Codecs.marshal(quote.signature())), pcrs,
                eventLog);
    }
}
