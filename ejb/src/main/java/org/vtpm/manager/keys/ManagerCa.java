package org.vtpm.manager.keys;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Objects;
import java.util.Vector;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.Attribute;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CertificatePolicies;
import org.bouncycastle.asn1.x509.DisplayText;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.PolicyInformation;
import org.bouncycastle.asn1.x509.PolicyQualifierId;
import org.bouncycastle.asn1.x509.PolicyQualifierInfo;
import org.bouncycastle.asn1.x509.SubjectDirectoryAttributes;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x509.UserNotice;
import org.bouncycastle.cert.CertException;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.bc.BcX509ExtensionUtils;
import org.bouncycastle.crypto.util.PublicKeyFactory;
import org.bouncycastle.operator.ContentVerifierProvider;
import org.bouncycastle.operator.DefaultDigestAlgorithmIdentifierFinder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.bc.BcECContentVerifierProviderBuilder;
import org.vtpm.tpm.client.PasswordSession;
import org.vtpm.tpm.client.Tpm;
import org.vtpm.tpm.command.Create;
import org.vtpm.tpm.command.CreateResponse;
import org.vtpm.tpm.types.AlgId;
import org.vtpm.tpm.types.Data;
import org.vtpm.tpm.types.Digest;
import org.vtpm.tpm.types.EccCurve;
import org.vtpm.tpm.types.EccParameter;
import org.vtpm.tpm.types.EccParms;
import org.vtpm.tpm.types.EccPoint;
import org.vtpm.tpm.types.EccScheme;
import org.vtpm.tpm.types.Handle;
import org.vtpm.tpm.types.KdfScheme;
import org.vtpm.tpm.types.ObjectAttributes;
import org.vtpm.tpm.types.PcrSelectionList;
import org.vtpm.tpm.types.Public;
import org.vtpm.tpm.types.SchemeHash;
import org.vtpm.tpm.types.SensitiveCreate;
import org.vtpm.tpm.types.SymDefObject;
import org.vtpm.tpm.wire.Tpm2b;

/**
 * The manager CA: an ECC P-256 signing key created inside the physical TPM under its storage
 * primary key (fixedTPM, sensitiveDataOrigin: the private key never exists outside that TPM), and
 * the certificates it issues, each signed there with TPM2_Sign. It certifies vTPM endorsement keys
 * as the TCG EK Credential Profile describes, vTPM attestation keys, and signs the manager's own
 * statements.
 *
 * <p>An open CA keeps its key loaded in the TPM until {@link #close}. Not thread-safe: it issues
 * TPM commands over one {@link Tpm}.
 */
public final class ManagerCa implements AutoCloseable {

    /** The user notice the EK Credential Profile asks EK certificates to carry in their policy. */
    static final String EK_POLICY_NOTICE = "TCG Trusted Platform Endorsement";
    private static final ASN1ObjectIdentifier ANY_POLICY = Extension.certificatePolicies.branch("0");
    private static final int SERIAL_BYTES = 16;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final BcX509ExtensionUtils EXTENSIONS = new BcX509ExtensionUtils();

    private final Tpm ptpm;
    private final Handle key;
    private final TpmSigner signer;
    private final X509CertificateHolder certificate;

    private ManagerCa(Tpm ptpm, Handle key, X509CertificateHolder certificate) {
        this.ptpm = ptpm;
        this.key = key;
        this.signer = new TpmSigner(ptpm, key);
        this.certificate = certificate;
    }

    /**
     * Creates a new CA: its signing key in {@code ptpm} and its self-signed certificate.
     *
     * @param subjectDn the CA's distinguished name, e.g. {@code "CN=vTPM manager CA,O=Example"}
     * @throws KeyProtectionException when the TPM refuses
     * @throws IOException when the TPM cannot be reached
     */
    public static CaKey create(Tpm ptpm, String subjectDn, Duration validity)
            throws KeyProtectionException, IOException {
        requirePositive(validity);
        X500Name subject = new X500Name(subjectDn);
        try (StoragePrimary srk = StoragePrimary.create(ptpm)) {
            CreateResponse created = TpmCalls.execute(ptpm, "TPM2_Create of the manager CA key", new Create(
                    srk.handle(), Tpm2b.of(SensitiveCreate.EMPTY), Tpm2b.of(signingTemplate()), Data.EMPTY,
                    PcrSelectionList.EMPTY), PasswordSession.empty());
            Public publicArea = created.outPublic().value();
            Handle key = srk.load(publicArea, created.outPrivate(), "the manager CA key", "was created");
            try {
                SubjectPublicKeyInfo publicKey = PublicKeys.subjectPublicKeyInfo(publicArea);
                Instant notBefore = Instant.now().truncatedTo(ChronoUnit.SECONDS);
                X509v3CertificateBuilder builder = new X509v3CertificateBuilder(subject, serialNumber(),
                        Date.from(notBefore), Date.from(notBefore.plus(validity)), subject, publicKey);
                add(builder, Extension.basicConstraints, true, new BasicConstraints(0));
                add(builder, Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign
                        | KeyUsage.digitalSignature));
                add(builder, Extension.subjectKeyIdentifier, false, EXTENSIONS.createSubjectKeyIdentifier(publicKey));
                add(builder, Extension.authorityKeyIdentifier, false,
                        EXTENSIONS.createAuthorityKeyIdentifier(publicKey));
                X509CertificateHolder self = new TpmSigner(ptpm, key).sign(builder);
                requireSignedBy(self, publicKey);
                return new CaKey(publicArea, created.outPrivate(), encoded(self));
            } finally {
                TpmCalls.flush(ptpm, key);
            }
        }
    }

    /**
     * Loads the CA key {@code caKey} into {@code ptpm}, which must be the TPM that created it.
     *
     * @throws KeyProtectionException when {@code ptpm} is another TPM or refuses
     * @throws IOException when the TPM cannot be reached
     */
    public static ManagerCa open(Tpm ptpm, CaKey caKey) throws KeyProtectionException, IOException {
        X509CertificateHolder certificate = caKey.checkCertificate();
        try (StoragePrimary srk = StoragePrimary.create(ptpm)) {
            return new ManagerCa(ptpm, srk.load(caKey.publicArea(), caKey.privateArea(), "the manager CA key",
                    "was created"), certificate);
        }
    }

    /** The CA's self-signed certificate. */
    public X509Certificate certificate() {
        return toX509(encoded(certificate));
    }

    /**
     * An EK certificate as the TCG EK Credential Profile describes it: empty subject, critical
     * subject alternative name naming the TPM, tcg-at-tpmSpecification, EKU tcg-kp-EKCertificate,
     * keyEncipherment (RSA) or keyAgreement (ECC).
     *
     * @throws IllegalArgumentException when the key is not an RSA or ECC P-256 restricted decryption
     *     key fixed to its TPM
     */
    public X509Certificate issueEk(EkCertificateRequest request) throws KeyProtectionException, IOException {
        Public ek = request.ekPublic();
        requireAttributes(ek, "an EK", ObjectAttributes.FIXED_TPM, ObjectAttributes.RESTRICTED,
                ObjectAttributes.DECRYPT);
        X509v3CertificateBuilder builder = leaf(new X500Name(new RDN[0]), ek, request.validity());
        add(builder, Extension.certificatePolicies, false, new CertificatePolicies(new PolicyInformation(
                ANY_POLICY, new DERSequence(new PolicyQualifierInfo(PolicyQualifierId.id_qt_unotice,
                        new UserNotice(null, new DisplayText(DisplayText.CONTENT_TYPE_UTF8STRING,
                                EK_POLICY_NOTICE)))))));
        add(builder, Extension.subjectAlternativeName, true, tpmName(request.tpm()));
        add(builder, Extension.basicConstraints, true, new BasicConstraints(false));
        add(builder, Extension.keyUsage, true, new KeyUsage(PublicKeys.isRsa(ek) ? KeyUsage.keyEncipherment
                : KeyUsage.keyAgreement));
        add(builder, Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.getInstance(
                TcgOids.EK_CERTIFICATE)));
        add(builder, Extension.subjectDirectoryAttributes, false, tpmSpecification(request.tpm()));
        return issue(builder);
    }

    /**
     * An attestation key certificate: the subject names the vTPM, the subject alternative name its
     * TPM; digitalSignature, EKU tcg-kp-AIKCertificate.
     *
     * @throws IllegalArgumentException when the key is not a restricted signing key fixed to its TPM
     */
    public X509Certificate issueAk(AkCertificateRequest request) throws KeyProtectionException, IOException {
        Public ak = request.akPublic();
        requireAttributes(ak, "an attestation key", ObjectAttributes.FIXED_TPM, ObjectAttributes.RESTRICTED,
                ObjectAttributes.SIGN_ENCRYPT);
        X500Name subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.OU, "vTPM attestation key")
                .addRDN(BCStyle.CN, request.vtpmId()).build();
        X509v3CertificateBuilder builder = leaf(subject, ak, request.validity());
        add(builder, Extension.subjectAlternativeName, false, tpmName(request.tpm()));
        add(builder, Extension.basicConstraints, true, new BasicConstraints(false));
        add(builder, Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
        add(builder, Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.getInstance(
                TcgOids.AIK_CERTIFICATE)));
        add(builder, Extension.subjectKeyIdentifier, false,
                EXTENSIONS.createSubjectKeyIdentifier(PublicKeys.subjectPublicKeyInfo(ak)));
        return issue(builder);
    }

    /** An ECDSA P-256 SHA-256 signature over {@code message}, DER-encoded as X.509 and CMS carry it. */
    public byte[] signDer(byte[] message) throws KeyProtectionException, IOException {
        return signer.signDer(Objects.requireNonNull(message, "message"));
    }

    /** An ECDSA P-256 SHA-256 signature over {@code message} as {@code r || s} (64 bytes), as JWS ES256 carries it. */
    public byte[] signRaw(byte[] message) throws KeyProtectionException, IOException {
        return signer.signRaw(Objects.requireNonNull(message, "message"));
    }

    /** Unloads the CA key from the TPM. */
    @Override
    public void close() throws KeyProtectionException, IOException {
        TpmCalls.flush(ptpm, key);
    }

    @Override
    public String toString() {
        return "ManagerCa[" + certificate.getSubject() + "]";
    }

    private X509v3CertificateBuilder leaf(X500Name subject, Public key, Duration validity) {
        Instant notBefore = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        X509v3CertificateBuilder builder = new X509v3CertificateBuilder(certificate.getSubject(), serialNumber(),
                Date.from(notBefore), Date.from(notBefore.plus(validity)), subject,
                PublicKeys.subjectPublicKeyInfo(key));
        add(builder, Extension.authorityKeyIdentifier, false,
                EXTENSIONS.createAuthorityKeyIdentifier(certificate.getSubjectPublicKeyInfo()));
        return builder;
    }

    private X509Certificate issue(X509v3CertificateBuilder builder) throws KeyProtectionException, IOException {
        X509CertificateHolder issued = signer.sign(builder);
        requireSignedBy(issued, certificate.getSubjectPublicKeyInfo());
        return toX509(encoded(issued));
    }

    /**
     * The subject alternative name of the EK Credential Profile: a directoryName of the TPM's
     * manufacturer, model and version.
     */
    private static GeneralNames tpmName(TpmDescription tpm) {
        X500Name name = new X500Name(new RDN[] {
            new RDN(TcgOids.TPM_MANUFACTURER, new DERUTF8String(tpm.manufacturerId())),
            new RDN(TcgOids.TPM_MODEL, new DERUTF8String(tpm.model())),
            new RDN(TcgOids.TPM_VERSION, new DERUTF8String(tpm.versionId()))});
        return new GeneralNames(new GeneralName(GeneralName.directoryName, name));
    }

    /** tcg-at-tpmSpecification: {@code SEQUENCE { family UTF8String, level INTEGER, revision INTEGER }}. */
    private static SubjectDirectoryAttributes tpmSpecification(TpmDescription tpm) {
        ASN1EncodableVector specification = new ASN1EncodableVector(3);
        specification.add(new DERUTF8String(tpm.family()));
        specification.add(new ASN1Integer(tpm.level()));
        specification.add(new ASN1Integer(tpm.revision()));
        Vector<Attribute> attributes = new Vector<>();
        attributes.add(new Attribute(TcgOids.TPM_SPECIFICATION, new DERSet(new DERSequence(specification))));
        return new SubjectDirectoryAttributes(attributes);
    }

    /** An unrestricted ECDSA P-256 SHA-256 signing key that never leaves the TPM. */
    private static Public signingTemplate() {
        ObjectAttributes attributes = ObjectAttributes.of(ObjectAttributes.FIXED_TPM, ObjectAttributes.FIXED_PARENT,
                ObjectAttributes.SENSITIVE_DATA_ORIGIN, ObjectAttributes.USER_WITH_AUTH, ObjectAttributes.NO_DA,
                ObjectAttributes.SIGN_ENCRYPT);
        return new Public(AlgId.ECC, AlgId.SHA256, attributes, Digest.EMPTY,
                new EccParms(SymDefObject.NULL, new EccScheme(AlgId.ECDSA, new SchemeHash(AlgId.SHA256)),
                        EccCurve.NIST_P256, KdfScheme.NULL),
                new EccPoint(EccParameter.EMPTY, EccParameter.EMPTY));
    }

    private static void requireAttributes(Public key, String what, ObjectAttributes... required) {
        for (ObjectAttributes bit : required) {
            if (!key.objectAttributes().has(bit)) {
                throw new IllegalArgumentException(what + " must have " + bit + ", its attributes are "
                        + key.objectAttributes());
            }
        }
    }

    /** Guards against a TPM that answered with a signature that does not verify. */
    private static void requireSignedBy(X509CertificateHolder issued, SubjectPublicKeyInfo caKey)
            throws KeyProtectionException {
        try {
            ContentVerifierProvider verifier = new BcECContentVerifierProviderBuilder(
                    new DefaultDigestAlgorithmIdentifierFinder()).build(PublicKeyFactory.createKey(caKey));
            if (!issued.isSignatureValid(verifier)) {
                throw new KeyProtectionException("the physical TPM signed a certificate with a signature that does"
                        + " not verify under the manager CA key");
            }
        } catch (IOException | OperatorCreationException | CertException e) {
            throw new KeyProtectionException("the certificate the physical TPM signed cannot be verified", e);
        }
    }

    /** Random, positive, at most 20 octets, never zero (RFC 5280, 4.1.2.2). */
    private static BigInteger serialNumber() {
        byte[] bytes = new byte[SERIAL_BYTES];
        RANDOM.nextBytes(bytes);
        bytes[0] = (byte) ((bytes[0] & 0x7F) | 0x40);
        return new BigInteger(1, bytes);
    }

    private static void add(X509v3CertificateBuilder builder, ASN1ObjectIdentifier oid,
            boolean critical, ASN1Encodable value) {
        try {
            builder.addExtension(oid, critical, value);
        } catch (CertIOException e) {
            throw new IllegalStateException("extension " + oid + " cannot be encoded", e);
        }
    }

    private static byte[] encoded(X509CertificateHolder holder) {
        try {
            return holder.getEncoded();
        } catch (IOException e) {
            throw new IllegalStateException("a certificate just built cannot be encoded", e);
        }
    }

    private static X509Certificate toX509(byte[] der) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der));
        } catch (CertificateException e) {
            throw new IllegalStateException("a certificate this CA built does not parse", e);
        }
    }

    static void requirePositive(Duration validity) {
        Objects.requireNonNull(validity, "validity");
        if (validity.isNegative() || validity.isZero()) {
            throw new IllegalArgumentException("a certificate's validity must be positive, was " + validity);
        }
    }
}
