package org.vtpm.tpm.attest;

import java.util.List;
import java.util.Objects;

/**
 * What a vTPM looked like at its first attestation under a baseline policy: the quoted PCR
 * values and, when an event log was sent, the verified events. Later attestations must show the
 * same; the caller stores it between attestations.
 */
public record Baseline(PcrValues pcrs, List<EventDigestRef> events) {

    public Baseline {
        Objects.requireNonNull(pcrs, "pcrs");
        events = List.copyOf(events);
    }
}
