package org.vtpm.tpm.engine.commands;

import org.vtpm.tpm.engine.keys.ProtectedStorage;
import org.vtpm.tpm.types.EccParms;
import org.vtpm.tpm.types.KeyBits;
import org.vtpm.tpm.types.Public;
import org.vtpm.tpm.types.RsaParms;
import org.vtpm.tpm.types.SymCipherParms;
import org.vtpm.tpm.types.SymDefObject;
import org.vtpm.tpm.wire.TpmRc;

/**
 * The outer-wrap parameters of a storage key (Part 1, 23.3.2.2): its name algorithm and the key
 * size of its symmetric definition, with the seed the wrap is keyed by: the key's own seedValue
 * for its children, a shared seed for credentials and duplicates.
 */
final class Protectors {

    private Protectors() {
    }

    /** @throws CommandError TPM_RC_SYMMETRIC for a key without a symmetric definition, which protects nothing */
    static ProtectedStorage.Parent of(Public protector, byte[] seed) throws CommandError {
        SymDefObject symmetric = protector.parameters() instanceof RsaParms rsa ? rsa.symmetric()
                : protector.parameters() instanceof EccParms ecc ? ecc.symmetric()
                : protector.parameters() instanceof SymCipherParms sym ? sym.sym() : SymDefObject.NULL;
        if (!(symmetric.keyBits() instanceof KeyBits bits)) {
            throw CommandError.of(TpmRc.SYMMETRIC);
        }
        return new ProtectedStorage.Parent(Algorithms.hash(protector.nameAlg()).orElseThrow(), seed, bits.value());
    }
}
