package org.vtpm.tpm.types;

/** TPMS_CERTIFY_INFO: what Certify attests: an object's names. */
public record CertifyInfo(
        Name name,
        Name qualifiedName) implements AttestUnion {
}
