package org.vtpm.tpm.types;

/** TPMS_CREATION_INFO: what CertifyCreation attests. */
public record CreationInfo(
        Name objectName,
        Digest creationHash) implements AttestUnion {
}
