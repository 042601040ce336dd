package org.vtpm.tpm.command;

import org.vtpm.tpm.types.Cc;

/**
 * A TPM 2.0 command: a record whose components are its handles (annotated {@link HandleArea})
 * then its parameters, in the order of its table in Part 3.
 *
 * @param <R> the record of its response
 */
public interface TpmCommand<R extends TpmResponse> {

    default Cc commandCode() {
        return Commands.spec(this).code();
    }
}
