package org.vtpm.tpm.wire;

/**
 * The values an interface type (TPMI_) admits. Implementations are stateless classes with a
 * public no-argument constructor, named by {@link Check}.
 */
public interface ValueCheck {

    boolean accepts(int value);

    /** The code for a value outside the type, e.g. {@code TPM_RC_HASH} for TPMI_ALG_HASH. */
    TpmRc error();

    /** The value a "+" use adds: TPM_ALG_NULL for algorithm types, TPM_RH_NULL for handles. */
    int nullValue();
}
