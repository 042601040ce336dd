package org.vtpm.manager.keys;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;

import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.vtpm.tpm.client.PasswordSession;
import org.vtpm.tpm.client.Tpm;
import org.vtpm.tpm.command.Sign;
import org.vtpm.tpm.crypto.HashAlgorithm;
import org.vtpm.tpm.types.Digest;
import org.vtpm.tpm.types.Handle;
import org.vtpm.tpm.types.SigScheme;
import org.vtpm.tpm.types.Signature;
import org.vtpm.tpm.types.SignatureEcc;
import org.vtpm.tpm.types.TkHashcheck;

/**
 * ECDSA P-256 with SHA-256 by a loaded, unrestricted TPM signing key: the message is hashed here,
 * the digest is signed by TPM2_Sign.
 */
final class TpmSigner {

    private static final int P256_BYTES = 32;
    private static final AlgorithmIdentifier ECDSA_WITH_SHA256 = new AlgorithmIdentifier(
            X9ObjectIdentifiers.ecdsa_with_SHA256);

    private final Tpm tpm;
    private final Handle key;

    TpmSigner(Tpm tpm, Handle key) {
        this.tpm = tpm;
        this.key = key;
    }

    /** The signature as an ASN.1 DER {@code SEQUENCE { r INTEGER, s INTEGER }}, as X.509 carries it. */
    byte[] signDer(byte[] message) throws KeyProtectionException, IOException {
        SignatureEcc signature = sign(message);
        ASN1EncodableVector rs = new ASN1EncodableVector(2);
        rs.add(new ASN1Integer(new BigInteger(1, signature.signatureR().buffer())));
        rs.add(new ASN1Integer(new BigInteger(1, signature.signatureS().buffer())));
        return new DERSequence(rs).getEncoded(ASN1Encoding.DER);
    }

    /** The signature as {@code r || s}, each 32 bytes big-endian, as JWS ES256 carries it. */
    byte[] signRaw(byte[] message) throws KeyProtectionException, IOException {
        SignatureEcc signature = sign(message);
        byte[] out = new byte[2 * P256_BYTES];
        copyPadded(signature.signatureR().buffer(), out, 0);
        copyPadded(signature.signatureS().buffer(), out, P256_BYTES);
        return out;
    }

    private SignatureEcc sign(byte[] message) throws KeyProtectionException, IOException {
        Digest digest = new Digest(HashAlgorithm.SHA256.hash(message));
        Signature signature = TpmCalls.execute(tpm, "TPM2_Sign by the manager CA key", new Sign(key, digest,
                SigScheme.NULL, TkHashcheck.NULL), PasswordSession.empty()).signature();
        if (!(signature.signature() instanceof SignatureEcc ecc)) {
            throw new KeyProtectionException("the manager CA key answered TPM2_Sign with a " + signature.sigAlg()
                    + " signature, not ECDSA");
        }
        return ecc;
    }

    /** The certificate {@code builder} describes, signed by this key. */
    X509CertificateHolder sign(X509v3CertificateBuilder builder) throws KeyProtectionException, IOException {
        try {
            return builder.build(new CertificateSigner());
        } catch (DeferredFailure e) {
            if (e.getCause() instanceof KeyProtectionException failure) {
                throw failure;
            }
            throw (IOException) e.getCause();
        }
    }

    private static void copyPadded(byte[] value, byte[] target, int offset) {
        int skip = 0;
        while (value.length - skip > P256_BYTES && value[skip] == 0) {
            skip++;
        }
        int length = value.length - skip;
        if (length > P256_BYTES) {
            throw new IllegalStateException("a P-256 signature component of " + length + " bytes");
        }
        System.arraycopy(value, skip, target, offset + P256_BYTES - length, length);
    }

    /**
     * Bouncy Castle's certificate builder asks a ContentSigner for the signature, which cannot throw
     * checked exceptions; a TPM failure travels out inside this and is unwrapped by {@link #sign}.
     */
    private static final class DeferredFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        DeferredFailure(Exception cause) {
            super(cause);
        }
    }

    private final class CertificateSigner implements ContentSigner {
        private final ByteArrayOutputStream toBeSigned = new ByteArrayOutputStream();

        @Override
        public AlgorithmIdentifier getAlgorithmIdentifier() {
            return ECDSA_WITH_SHA256;
        }

        @Override
        public OutputStream getOutputStream() {
            return toBeSigned;
        }

        @Override
        public byte[] getSignature() {
            try {
                return signDer(toBeSigned.toByteArray());
            } catch (KeyProtectionException | IOException e) {
                throw new DeferredFailure(e);
            }
        }
    }
}
