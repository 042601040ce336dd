package org.vtpm.tpm.wire;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A TPML list: a UINT32 count, then that many elements. A count above {@link #max()} is
 * {@code TPM_RC_SIZE}, checked before anything is allocated for the elements.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Count {
    int max();
}
