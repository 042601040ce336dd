package org.vtpm.manager.keys;

/**
 * A key the manager protects cannot be created, sealed, unsealed or used: the physical TPM refused
 * or the stored material does not belong to it. Messages name what failed and why, never key bytes.
 */
public class KeyProtectionException extends Exception {

    private static final long serialVersionUID = 1L;

    public KeyProtectionException(String message) {
        super(message);
    }

    public KeyProtectionException(String message, Throwable cause) {
        super(message, cause);
    }
}
