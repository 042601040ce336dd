package org.vtpm.tpm.types;

/** TPMS_NV_DIGEST_CERTIFY_INFO: what NV_Certify attests: the digest of an index's contents. */
public record NvDigestCertifyInfo(
        Name indexName,
        Digest nvDigest) implements AttestUnion {
}
