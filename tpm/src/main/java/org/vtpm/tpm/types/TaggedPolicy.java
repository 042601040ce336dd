package org.vtpm.tpm.types;

import org.vtpm.tpm.wire.Plus;

/** TPMS_TAGGED_POLICY: a permanent handle and its authorization policy, TPM_ALG_NULL when it has none. */
public record TaggedPolicy(
        Handle handle,
        @Plus Ha policyHash) {
}
