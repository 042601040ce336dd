package org.vtpm.manager.keys;

import java.time.Duration;
import java.util.Objects;

import org.vtpm.tpm.types.Public;

/**
 * What an attestation key certificate certifies: the AK's public area, the vTPM it lives in (named
 * in the subject), that TPM's description, and how long the certificate is valid from issuance.
 */
public record AkCertificateRequest(Public akPublic, String vtpmId, TpmDescription tpm, Duration validity) {

    public AkCertificateRequest {
        Objects.requireNonNull(akPublic, "akPublic");
        StateCipher.requireId(vtpmId);
        Objects.requireNonNull(tpm, "tpm");
        ManagerCa.requirePositive(validity);
    }
}
