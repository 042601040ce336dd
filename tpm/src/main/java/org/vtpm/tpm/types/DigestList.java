package org.vtpm.tpm.types;

import java.util.List;

import org.vtpm.tpm.wire.Count;

/** TPML_DIGEST: a list of digests. */
public record DigestList(
        @Count(max = TpmLimits.MAX_DIGEST_LIST) List<Digest> digests) {

    public DigestList {
        digests = List.copyOf(digests);
    }
}
