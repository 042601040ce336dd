package org.vtpm.tpm.command;

import org.vtpm.tpm.types.Handle;
import org.vtpm.tpm.types.Public;
import org.vtpm.tpm.types.Sensitive;
import org.vtpm.tpm.types.Tpmi;
import org.vtpm.tpm.wire.AllowEmpty;
import org.vtpm.tpm.wire.Check;
import org.vtpm.tpm.wire.NullValue;
import org.vtpm.tpm.wire.Plus;
import org.vtpm.tpm.wire.Tpm2b;

/** TPM2_LoadExternal: loads an object that was not created by this TPM, or just its public area. */
public record LoadExternal(
        @AllowEmpty Tpm2b<Sensitive> inPrivate,
        @Plus Tpm2b<Public> inPublic,
        @Check(value = Tpmi.RhHierarchy.class, nullValue = NullValue.ACCEPTED)
        Handle hierarchy) implements TpmCommand<LoadExternalResponse> {
}
