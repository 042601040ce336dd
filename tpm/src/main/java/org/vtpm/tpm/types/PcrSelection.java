package org.vtpm.tpm.types;

import org.vtpm.tpm.wire.Check;

/** TPMS_PCR_SELECTION: the PCRs selected in one bank. */
public record PcrSelection(
        @Check(Tpmi.AlgHash.class) AlgId hash,
        PcrSelect pcrSelect) {
}
