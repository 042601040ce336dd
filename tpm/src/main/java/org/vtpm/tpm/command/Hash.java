package org.vtpm.tpm.command;

import org.vtpm.tpm.types.AlgId;
import org.vtpm.tpm.types.Handle;
import org.vtpm.tpm.types.MaxBuffer;
import org.vtpm.tpm.types.Tpmi;
import org.vtpm.tpm.wire.Check;
import org.vtpm.tpm.wire.NullValue;

/** TPM2_Hash: hashes data, with a ticket if the data could not be mistaken for TPM-generated data. */
public record Hash(
        MaxBuffer data,
        @Check(Tpmi.AlgHash.class) AlgId hashAlg,
        @Check(value = Tpmi.RhHierarchy.class, nullValue = NullValue.ACCEPTED)
        Handle hierarchy) implements TpmCommand<HashResponse> {
}
