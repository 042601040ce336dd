package org.vtpm.tpm.types;

/** TPMS_QUOTE_INFO: what Quote attests: the selected PCRs and their digest. */
public record QuoteInfo(
        PcrSelectionList pcrSelect,
        Digest pcrDigest) implements AttestUnion {
}
