package org.vtpm.tpm.crypto;

/**
 * The OAEP labels with which the TPM encrypts secrets to an RSA key (TPM 2.0 Part 1, annex B); each
 * is used with its terminating zero byte.
 */
public enum OaepLabel {
    /** A salted session's salt (TPM2_StartAuthSession). */
    SECRET("SECRET"),
    /** The seed of a duplicated object (TPM2_Duplicate, TPM2_Import). */
    DUPLICATE("DUPLICATE"),
    /** The seed of a credential (TPM2_MakeCredential, TPM2_ActivateCredential). */
    IDENTITY("IDENTITY");

    private final String text;

    OaepLabel(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }

    /** The label as OAEP uses it: ASCII with a terminating zero. */
    public byte[] bytes() {
        return Kdfa.labelWithZero(text);
    }
}
