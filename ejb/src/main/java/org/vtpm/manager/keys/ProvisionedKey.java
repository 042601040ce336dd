package org.vtpm.manager.keys;

import java.security.cert.X509Certificate;
import java.util.Objects;

import org.vtpm.tpm.types.Handle;
import org.vtpm.tpm.types.Name;
import org.vtpm.tpm.types.Public;
import org.vtpm.tpm.wire.Codecs;

/**
 * A key {@link VtpmIdentity} left persistent in a vTPM, and its certificate.
 *
 * @param publicArea       the key's TPMT_PUBLIC
 * @param name             its TPM name (nameAlg || digest of the public area)
 * @param handle           the persistent handle it is kept at
 * @param certificateIndex the NV index holding its certificate (DER)
 * @param certificate      that certificate, issued by the manager CA
 */
public record ProvisionedKey(Public publicArea, Name name, Handle handle, Handle certificateIndex,
        X509Certificate certificate) {

    public ProvisionedKey {
        Objects.requireNonNull(publicArea, "publicArea");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(handle, "handle");
        Objects.requireNonNull(certificateIndex, "certificateIndex");
        Objects.requireNonNull(certificate, "certificate");
    }

    /** The marshalled TPMT_PUBLIC, for storage. */
    public byte[] encodedPublicArea() {
        return Codecs.marshal(publicArea);
    }
}
