package org.vtpm.tpm.types;

/** TPMS_ALG_PROPERTY: an algorithm and its kind. */
public record AlgProperty(
        AlgId alg,
        AlgorithmAttributes algProperties) {
}
