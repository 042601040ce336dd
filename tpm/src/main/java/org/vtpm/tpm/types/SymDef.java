package org.vtpm.tpm.types;

import org.vtpm.tpm.wire.Check;
import org.vtpm.tpm.wire.NullValue;
import org.vtpm.tpm.wire.Selector;

/** TPMT_SYM_DEF: the parameter-encryption algorithm of a session. */
public record SymDef(
        @Check(value = Tpmi.AlgSym.class, nullValue = NullValue.IF_PLUS) AlgId algorithm,
        @Selector("algorithm") SymKeyBitsUnion keyBits,
        @Selector("algorithm") SymModeUnion mode) {

    public static final SymDef NULL = new SymDef(AlgId.NULL, Empty.INSTANCE, Empty.INSTANCE);

    /** AES in CFB mode, the common choice for storage keys and parameter encryption. */
    public static SymDef aesCfb(int keyBits) {
        return new SymDef(AlgId.AES, new KeyBits(keyBits), new SymModeAlg(AlgId.CFB));
    }
}
