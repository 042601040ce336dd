package org.vtpm.tpm.types;

/** TPMS_SESSION_AUDIT_INFO: what GetSessionAuditDigest attests. */
public record SessionAuditInfo(
        boolean exclusiveSession,
        Digest sessionDigest) implements AttestUnion {
}
