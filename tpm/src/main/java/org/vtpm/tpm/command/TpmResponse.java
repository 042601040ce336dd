package org.vtpm.tpm.command;

/**
 * A TPM 2.0 response: a record whose components are its handles (annotated {@link HandleArea})
 * then its parameters, in the order of its table in Part 3.
 */
public interface TpmResponse {
}
