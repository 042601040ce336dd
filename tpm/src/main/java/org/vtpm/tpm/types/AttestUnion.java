package org.vtpm.tpm.types;

import org.vtpm.tpm.wire.TpmRc;
import org.vtpm.tpm.wire.Union;

/** TPMU_ATTEST: the attested data, by the attestation type. Each arm is a type that implements this interface. */
public interface AttestUnion {

    Union<AttestUnion> UNION = Union.<AttestUnion>builder(TpmRc.SELECTOR)
            .arm(St.ATTEST_CERTIFY, CertifyInfo.class)
            .arm(St.ATTEST_CREATION, CreationInfo.class)
            .arm(St.ATTEST_QUOTE, QuoteInfo.class)
            .arm(St.ATTEST_COMMAND_AUDIT, CommandAuditInfo.class)
            .arm(St.ATTEST_SESSION_AUDIT, SessionAuditInfo.class)
            .arm(St.ATTEST_TIME, TimeAttestInfo.class)
            .arm(St.ATTEST_NV, NvCertifyInfo.class)
            .arm(St.ATTEST_NV_DIGEST, NvDigestCertifyInfo.class)
            .build();
}
