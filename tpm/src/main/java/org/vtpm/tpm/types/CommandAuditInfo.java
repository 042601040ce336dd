package org.vtpm.tpm.types;

/** TPMS_COMMAND_AUDIT_INFO: what GetCommandAuditDigest attests. */
public record CommandAuditInfo(
        long auditCounter,
        AlgId digestAlg,
        Digest auditDigest,
        Digest commandDigest) implements AttestUnion {
}
