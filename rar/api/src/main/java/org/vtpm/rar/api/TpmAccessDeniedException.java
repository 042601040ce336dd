package org.vtpm.rar.api;

/** The caller may not use this TPM. The message names the target, never what it holds. */
public class TpmAccessDeniedException extends TpmResourceException {

    private static final long serialVersionUID = 1L;

    public TpmAccessDeniedException(String message) {
        super(message);
    }
}
