package org.vtpm.tpm.wire;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a record of one {@code int} (a TPMA bit set): bits that must be clear, else
 * {@code TPM_RC_RESERVED_BITS}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ReservedBits {
    int value();
}
