package org.vtpm.manager.keys;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;

/** Object identifiers of the TCG EK Credential Profile used in the manager CA's certificates. */
final class TcgOids {

    private static final ASN1ObjectIdentifier TCG = new ASN1ObjectIdentifier("2.23.133");

    static final ASN1ObjectIdentifier TPM_MANUFACTURER = TCG.branch("2.1");
    static final ASN1ObjectIdentifier TPM_MODEL = TCG.branch("2.2");
    static final ASN1ObjectIdentifier TPM_VERSION = TCG.branch("2.3");
    static final ASN1ObjectIdentifier TPM_SPECIFICATION = TCG.branch("2.16");
    static final ASN1ObjectIdentifier EK_CERTIFICATE = TCG.branch("8.1");
    static final ASN1ObjectIdentifier AIK_CERTIFICATE = TCG.branch("8.3");

    private TcgOids() {
    }
}
