package org.vtpm.tpm.types;

import org.vtpm.tpm.wire.Selector;

/** TPMS_ATTEST: the data a TPM signs when it attests. */
public record Attest(
        int magic,
        St type,
        Name qualifiedSigner,
        Data extraData,
        ClockInfo clockInfo,
        long firmwareVersion,
        @Selector("type") AttestUnion attested) {

    /** TPM_GENERATED_VALUE: marks data the TPM itself produced ("\xffTCG"). */
    public static final int TPM_GENERATED_VALUE = 0xFF54_4347;
}
