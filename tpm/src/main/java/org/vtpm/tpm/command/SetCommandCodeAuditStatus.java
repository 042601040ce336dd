package org.vtpm.tpm.command;

import org.vtpm.tpm.types.AlgId;
import org.vtpm.tpm.types.CcList;
import org.vtpm.tpm.types.Handle;
import org.vtpm.tpm.types.Tpmi;
import org.vtpm.tpm.wire.Check;
import org.vtpm.tpm.wire.NullValue;

/**
 * TPM2_SetCommandCodeAuditStatus: changes the hash of the command audit (alone), or adds and
 * removes audited command codes.
 */
public record SetCommandCodeAuditStatus(
        @HandleArea(auth = AuthRole.USER) @Check(Tpmi.RhProvision.class) Handle auth,
        @Check(value = Tpmi.AlgHash.class, nullValue = NullValue.ACCEPTED) AlgId auditAlg,
        CcList setList,
        CcList clearList) implements TpmCommand<SetCommandCodeAuditStatusResponse> {
}
