package org.vtpm.manager.keys;

import java.time.Duration;
import java.util.Objects;

import org.vtpm.tpm.types.Public;

/**
 * What an EK certificate certifies: the EK's public area, the TPM it lives in, and how long the
 * certificate is valid from issuance.
 */
public record EkCertificateRequest(Public ekPublic, TpmDescription tpm, Duration validity) {

    public EkCertificateRequest {
        Objects.requireNonNull(ekPublic, "ekPublic");
        Objects.requireNonNull(tpm, "tpm");
        ManagerCa.requirePositive(validity);
    }
}
