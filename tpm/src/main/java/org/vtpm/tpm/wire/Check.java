package org.vtpm.tpm.wire;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An interface type (TPMI_): the component must hold a value the check accepts, or its null value
 * where allowed, else the check's response code.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Check {
    Class<? extends ValueCheck> value();

    NullValue nullValue() default NullValue.REJECTED;
}
