package org.vtpm.tpm.types;

/** (no structure): the empty arm of a union, selected by TPM_ALG_NULL and the like. */
public record Empty() implements SchemeKeyedHashUnion, AsymSchemeUnion, SigSchemeUnion, KdfSchemeUnion, SymKeyBitsUnion, SymModeUnion, SignatureUnion {

    public static final Empty INSTANCE = new Empty();
}
