package org.vtpm.tpm.types;

/** TPMS_CREATION_DATA: the environment an object was created in, certified by CertifyCreation. */
public record CreationData(
        PcrSelectionList pcrSelect,
        Digest pcrDigest,
        LocalityAttributes locality,
        AlgId parentNameAlg,
        Name parentName,
        Name parentQualifiedName,
        Data outsideInfo) {
}
