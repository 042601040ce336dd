package org.vtpm.tpm.attest;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link QuoteVerifier} found.
 *
 * @param reasons what is wrong with the quote; empty when it is good
 * @param quotedPcrs the PCR values sent, when the quote's selection and digest confirm them;
 *     otherwise nothing is known about the PCRs and the checks that need them cannot run
 */
public record QuoteCheck(List<Reason> reasons, Optional<PcrValues> quotedPcrs) {

    public QuoteCheck {
        reasons = List.copyOf(reasons);
        Objects.requireNonNull(quotedPcrs, "quotedPcrs");
    }
}
