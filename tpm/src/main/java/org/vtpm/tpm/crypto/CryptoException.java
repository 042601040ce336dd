package org.vtpm.tpm.crypto;

import java.security.GeneralSecurityException;
import java.util.Objects;

/**
 * A cryptographic operation refused its input. The {@link Reason} names the TPM response code a
 * TPM returns in the same situation, so the engine can answer with it directly.
 */
public class CryptoException extends GeneralSecurityException {

    /** Why the input was refused, by the {@code TPM_RC} that corresponds. */
    public enum Reason {
        /** {@code TPM_RC_SIZE}: a key, IV or ciphertext of the wrong length. */
        SIZE,
        /** {@code TPM_RC_VALUE}: a value out of range, e.g. a failed OAEP decoding or an over-long message. */
        VALUE,
        /** {@code TPM_RC_ECC_POINT}: a point not on the curve, or the point at infinity. */
        ECC_POINT,
        /** {@code TPM_RC_KEY}: a private key out of range. */
        KEY
    }

    private final Reason reason;

    public CryptoException(Reason reason, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public CryptoException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public Reason reason() {
        return reason;
    }
}
