package org.vtpm.tpm.types;

/** TPMS_TAGGED_POLICY: a permanent handle and its authorization policy. */
public record TaggedPolicy(
        Handle handle,
        Ha policyHash) {
}
