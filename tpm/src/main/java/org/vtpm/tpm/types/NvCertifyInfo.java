package org.vtpm.tpm.types;

import org.vtpm.tpm.wire.Uint;

/** TPMS_NV_CERTIFY_INFO: what NV_Certify attests: part of an index's contents. */
public record NvCertifyInfo(
        Name indexName,
        @Uint(16) int offset,
        MaxNvBuffer nvContents) implements AttestUnion {
}
