package org.vtpm.tpm.types;

/**
 * TPMS_SENSITIVE_CREATE: the secrets a caller gives a new object: its authValue and, for sealed data and symmetric
 * keys, its data.
 */
public record SensitiveCreate(
        Auth userAuth,
        SensitiveData data) {

    public static final SensitiveCreate EMPTY = new SensitiveCreate(Auth.EMPTY, SensitiveData.EMPTY);
}
