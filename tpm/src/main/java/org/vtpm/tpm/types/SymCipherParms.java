package org.vtpm.tpm.types;

/** TPMS_SYMCIPHER_PARMS: the parameters of a symmetric-cipher object. */
public record SymCipherParms(
        SymDefObject sym) implements PublicParmsUnion {
}
