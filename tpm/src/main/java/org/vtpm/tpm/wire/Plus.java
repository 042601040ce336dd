package org.vtpm.tpm.wire;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The specification's "+" on a use of a structure: inside it, fields whose null value is
 * {@link NullValue#IF_PLUS} accept TPM_ALG_NULL or TPM_RH_NULL.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Plus {
}
