package org.vtpm.manager.vtpm;

import java.security.cert.CertificateEncodingException;
import java.util.ArrayList;
import java.util.List;

import org.vtpm.manager.keys.EkType;
import org.vtpm.manager.keys.ProvisionedKey;
import org.vtpm.manager.keys.VtpmIdentity;

/** A provisioned identity as the rows the manager keeps of it. */
final class IdentityKeys {

    private IdentityKeys() {
    }

    static List<IdentityKey> of(VtpmIdentity.Provisioned identity) {
        List<IdentityKey> keys = new ArrayList<>();
        identity.endorsementKeys().forEach((type, key) -> keys.add(row(kind(type), key)));
        keys.add(row(IdentityKey.Kind.AK, identity.attestationKey()));
        return keys;
    }

    private static IdentityKey.Kind kind(EkType type) {
        return switch (type) {
            case RSA_2048 -> IdentityKey.Kind.EK_RSA_2048;
            case ECC_P256 -> IdentityKey.Kind.EK_ECC_P256;
        };
    }

    private static IdentityKey row(IdentityKey.Kind kind, ProvisionedKey key) {
        try {
            return new IdentityKey(kind, key.handle().value(), key.certificateIndex().value(), key.encodedPublicArea(),
                    key.certificate().getEncoded());
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException("a certificate the manager CA issued cannot be encoded", e);
        }
    }
}
