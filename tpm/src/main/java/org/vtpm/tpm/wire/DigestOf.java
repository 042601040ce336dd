package org.vtpm.tpm.wire;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A {@link Bytes} component that is a digest (TPMU_HA): its length is the digest size of the
 * hash algorithm held in the earlier component named here.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface DigestOf {
    String value();
}
