package org.vtpm.tpm.types;

import java.util.List;

import org.vtpm.tpm.wire.Count;

/** TPML_ALG: algorithm identifiers. */
public record AlgList(
        @Count(max = TpmLimits.MAX_ALG_LIST_SIZE) List<AlgId> algorithms) {

    public AlgList {
        algorithms = List.copyOf(algorithms);
    }
}
