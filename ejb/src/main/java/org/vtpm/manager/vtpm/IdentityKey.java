package org.vtpm.manager.vtpm;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

import org.vtpm.manager.Columns;

/**
 * One key of a vTPM's identity as the manager certified it: which key, where it persists in the
 * vTPM, its public area (TPMT_PUBLIC) and the certificate the manager CA issued for it.
 */
@Embeddable
public class IdentityKey {

    public enum Kind { EK_RSA_2048, EK_ECC_P256, AK }

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Kind kind;

    @Column(name = "persistent_handle", nullable = false)
    private int handle;

    /** The NV index the certificate is also written to inside the vTPM. */
    @Column(name = "certificate_index", nullable = false)
    private int certificateIndex;

    @Column(name = "public_area", nullable = false, length = Columns.BINARY)
    private byte[] publicArea;

    @Column(nullable = false, length = Columns.BINARY)
    private byte[] certificate;

    protected IdentityKey() {
    }

    public IdentityKey(Kind kind, int handle, int certificateIndex, byte[] publicArea, byte[] certificate) {
        this.kind = kind;
        this.handle = handle;
        this.certificateIndex = certificateIndex;
        this.publicArea = publicArea.clone();
        this.certificate = certificate.clone();
    }

    public Kind getKind() {
        return kind;
    }

    public int getHandle() {
        return handle;
    }

    public int getCertificateIndex() {
        return certificateIndex;
    }

    public byte[] getPublicArea() {
        return publicArea.clone();
    }

    public byte[] getCertificate() {
        return certificate.clone();
    }
}
