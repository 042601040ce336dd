package org.vtpm.tpm.types;

import java.util.List;

import org.vtpm.tpm.wire.Count;

/** TPML_DIGEST_VALUES: one digest per bank, as PCR_Extend takes them. */
public record DigestValuesList(
        @Count(max = TpmLimits.HASH_COUNT) List<Ha> digests) {

    public DigestValuesList {
        digests = List.copyOf(digests);
    }
}
