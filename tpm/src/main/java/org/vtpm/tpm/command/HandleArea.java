package org.vtpm.tpm.command;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a leading component of a command or response record as a handle in the handle area
 * rather than a parameter, and for a command says which authorization role it needs.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface HandleArea {

    AuthRole auth() default AuthRole.NONE;
}
