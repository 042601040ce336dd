package org.vtpm.tpm.types;

/** TPMS_EMPTY: the arm of a union that has no contents, selected by TPM_ALG_NULL and the like. */
public record Empty() implements SchemeKeyedHashUnion, AsymSchemeUnion, SigSchemeUnion, KdfSchemeUnion,
        SymKeyBitsUnion, SymModeUnion, SignatureUnion {

    public static final Empty INSTANCE = new Empty();
}
