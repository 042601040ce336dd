package org.vtpm.tpm.types;

import org.vtpm.tpm.wire.Check;
import org.vtpm.tpm.wire.NullValue;
import org.vtpm.tpm.wire.Selector;

/** TPMT_SYM_DEF_OBJECT: the symmetric algorithm of a storage or symmetric key. */
public record SymDefObject(
        @Check(value = Tpmi.AlgSymObject.class, nullValue = NullValue.IF_PLUS) AlgId algorithm,
        @Selector("algorithm") SymKeyBitsUnion keyBits,
        @Selector("algorithm") SymModeUnion mode) {

    public static final SymDefObject NULL = new SymDefObject(AlgId.NULL, Empty.INSTANCE, Empty.INSTANCE);

    /** AES in CFB mode, the common choice for storage keys and parameter encryption. */
    public static SymDefObject aesCfb(int keyBits) {
        return new SymDefObject(AlgId.AES, new KeyBits(keyBits), new SymModeAlg(AlgId.CFB));
    }
}
