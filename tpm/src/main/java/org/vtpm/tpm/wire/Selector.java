package org.vtpm.tpm.wire;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A union (TPMU) component whose arm is chosen by the value of an earlier component of the same
 * record, named here; the union type names its arms in a {@link Union} held in its static
 * {@code UNION} field.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Selector {
    String value();
}
