package org.vtpm.tpm.command;

import org.vtpm.tpm.types.Handle;
import org.vtpm.tpm.types.Tpmi;
import org.vtpm.tpm.wire.Check;

/**
 * TPM2_NV_UndefineSpaceSpecial: removes an index with TPMA_NV_POLICY_DELETE, authorized by the
 * index's policy (ADMIN role) and the platform.
 */
public record NvUndefineSpaceSpecial(
        @HandleArea(auth = AuthRole.ADMIN) @Check(Tpmi.RhNvIndex.class) Handle nvIndex,
        @HandleArea(auth = AuthRole.USER) @Check(Tpmi.RhPlatform.class) Handle platform)
        implements TpmCommand<NvUndefineSpaceSpecialResponse> {
}
