package org.vtpm.tpm.command;

import org.vtpm.tpm.types.Handle;
import org.vtpm.tpm.types.SensitiveCreate;
import org.vtpm.tpm.types.Template;
import org.vtpm.tpm.types.Tpmi;
import org.vtpm.tpm.wire.Check;
import org.vtpm.tpm.wire.NullValue;
import org.vtpm.tpm.wire.Tpm2b;

/**
 * TPM2_CreateLoaded: creates an object and loads it, under a hierarchy (a primary object) or a
 * loaded parent. The template is a marshalled public area, as for a derivation parent it holds a
 * label and context where other objects hold their unique field.
 */
public record CreateLoaded(
        @HandleArea(auth = AuthRole.USER)
        @Check(value = Tpmi.DhParent.class, nullValue = NullValue.ACCEPTED) Handle parentHandle,
        Tpm2b<SensitiveCreate> inSensitive,
        Template inPublic) implements TpmCommand<CreateLoadedResponse> {
}
