package org.vtpm.manager.ca;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** PEM text (RFC 7468) of DER certificates, as openssl and tpm2-tools read them. */
public final class Pem {

    private static final Base64.Encoder BASE64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII));

    private Pem() {
    }

    public static String certificate(byte[] der) {
        return "-----BEGIN CERTIFICATE-----\n" + BASE64.encodeToString(der) + "\n-----END CERTIFICATE-----\n";
    }
}
