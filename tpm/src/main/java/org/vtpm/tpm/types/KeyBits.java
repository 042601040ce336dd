package org.vtpm.tpm.types;

import org.vtpm.tpm.wire.Uint;

/** TPM_KEY_BITS: the key size of a block cipher, the TPMU_SYM_KEY_BITS arm of AES, SM4 and Camellia. */
public record KeyBits(
        @Uint(16) int value) implements SymKeyBitsUnion {
}
