package org.vtpm.tpm.engine.commands;

import org.vtpm.tpm.crypto.CryptoException;
import org.vtpm.tpm.wire.TpmRc;

/** The response code a TPM gives where a cryptographic helper refused its input. */
final class CryptoErrors {

    private CryptoErrors() {
    }

    static TpmRc rc(CryptoException e) {
        return switch (e.reason()) {
            case SIZE -> TpmRc.SIZE;
            case VALUE -> TpmRc.VALUE;
            case ECC_POINT -> TpmRc.ECC_POINT;
            case KEY -> TpmRc.KEY;
        };
    }
}
