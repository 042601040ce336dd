package org.vtpm.tpm.attest;

import java.util.Objects;

import org.vtpm.tpm.types.AlgId;
import org.vtpm.tpm.types.Name;
import org.vtpm.tpm.types.ObjectAttributes;
import org.vtpm.tpm.types.Public;

/**
 * A certified attestation key: its public area and its qualified name, as recorded when the
 * manager certified it.
 *
 * <p>Only a restricted signing key will do: a restricted key signs only digests the TPM itself
 * computed or attest structures it built, so a signature by it cannot be over data the attester
 * made up to look like TPMS_ATTEST.
 *
 * @param qualifiedName the name a quote carries as qualifiedSigner (TPM2_ReadPublic returns it)
 */
public record AttestationKey(Public publicArea, Name qualifiedName) {

    private static final ObjectAttributes RESTRICTED_SIGNING = ObjectAttributes.of(ObjectAttributes.RESTRICTED,
            ObjectAttributes.SIGN_ENCRYPT, ObjectAttributes.FIXED_TPM);

    public AttestationKey {
        Objects.requireNonNull(publicArea, "publicArea");
        Objects.requireNonNull(qualifiedName, "qualifiedName");
        if (!publicArea.type().equals(AlgId.RSA) && !publicArea.type().equals(AlgId.ECC)) {
            throw new IllegalArgumentException("an attestation key is RSA or ECC, not " + publicArea.type());
        }
        if (!publicArea.objectAttributes().has(RESTRICTED_SIGNING)
                || publicArea.objectAttributes().has(ObjectAttributes.DECRYPT)) {
            throw new IllegalArgumentException("an attestation key is a fixedTPM restricted signing key, not "
                    + publicArea.objectAttributes());
        }
    }

    /** The key's name: its name algorithm and the digest of its public area. */
    public Name name() {
        return Name.of(publicArea);
    }
}
