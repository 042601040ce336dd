package org.vtpm.tpm.wire;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a {@link SizedBytes} subclass (a TPM2B of bytes): its size field width and its size limits.
 * A size past the limits is {@code TPM_RC_SIZE}, or {@code TPM_RC_VALUE} for an 8-bit size
 * ({@code sizeofSelect}), as the reference implementation answers.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface SizedBuffer {
    int max();

    int min() default 0;

    /** 16 for TPM2B_ buffers, 8 for {@code TPMS_PCR_SELECT.sizeofSelect}. */
    int sizeBits() default 16;
}
