package org.vtpm.manager.vtpm;

/** A certificate of a vTPM's identity, PEM-encoded, with where the vTPM keeps it in NV. */
public record CertificateView(IdentityKey.Kind kind, String certificateIndex, String pem) {
}
