package org.vtpm.manager.attest;

import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Base64;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.vtpm.manager.ca.CertificateAuthority;
import org.vtpm.tpm.crypto.HashAlgorithm;

/**
 * The signed attestation result: a compact JWS (RFC 7515) with ES256, signed by the manager CA
 * in the physical TPM. Its header names the CA certificate by its SHA-256 thumbprint
 * ({@code x5t#S256}), so a relying party checks it with the certificate {@code GET /api/v1/ca}
 * serves, and knows which CA to fetch after a CA change.
 */
final class SignedResult {

    static final String TYPE = "vtpm-attestation+jwt";
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private SignedResult() {
    }

    static String sign(CertificateAuthority ca, JsonObject claims) {
        JsonObject header = Json.createObjectBuilder()
                .add("alg", "ES256")
                .add("typ", TYPE)
                .add("x5t#S256", BASE64URL.encodeToString(HashAlgorithm.SHA256.hash(der(ca.certificate()))))
                .build();
        String signingInput = encode(header) + "." + encode(claims);
        byte[] signature = ca.signRaw(signingInput.getBytes(StandardCharsets.US_ASCII));
        return signingInput + "." + BASE64URL.encodeToString(signature);
    }

    private static String encode(JsonObject json) {
        return BASE64URL.encodeToString(json.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] der(X509Certificate certificate) {
        try {
            return certificate.getEncoded();
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException("the manager CA certificate cannot be encoded", e);
        }
    }
}
