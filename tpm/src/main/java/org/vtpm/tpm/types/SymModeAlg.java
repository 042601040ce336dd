package org.vtpm.tpm.types;

import org.vtpm.tpm.wire.Check;
import org.vtpm.tpm.wire.NullValue;

/** TPMI_ALG_SYM_MODE: the TPMU_SYM_MODE arm of a block cipher: its mode. */
public record SymModeAlg(
        @Check(value = Tpmi.AlgSymMode.class, nullValue = NullValue.ACCEPTED) AlgId mode) implements SymModeUnion {
}
