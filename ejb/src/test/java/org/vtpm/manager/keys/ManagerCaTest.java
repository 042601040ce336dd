package org.vtpm.manager.keys;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Attribute;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CertificatePolicies;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.PolicyQualifierId;
import org.bouncycastle.asn1.x509.PolicyQualifierInfo;
import org.bouncycastle.asn1.x509.SubjectDirectoryAttributes;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.asn1.x509.UserNotice;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.util.PublicKeyFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vtpm.tpm.client.PasswordSession;
import org.vtpm.tpm.client.Tpm;
import org.vtpm.tpm.command.CreatePrimary;
import org.vtpm.tpm.command.Startup;
import org.vtpm.tpm.crypto.HashAlgorithm;
import org.vtpm.tpm.engine.Engine;
import org.vtpm.tpm.transport.InProcessTransport;
import org.vtpm.tpm.types.Data;
import org.vtpm.tpm.types.EkTemplate;
import org.vtpm.tpm.types.Handle;
import org.vtpm.tpm.types.PcrSelectionList;
import org.vtpm.tpm.types.Public;
import org.vtpm.tpm.types.SensitiveCreate;
import org.vtpm.tpm.types.Su;
import org.vtpm.tpm.wire.Tpm2b;

/** The manager CA with its key in a swtpm pTPM, certifying keys of an engine vTPM. */
class ManagerCaTest {

    private static final TpmDescription VTPM = new TpmDescription(0x564D_4752, "vtpm-engine", 0x0002_0001, "2.0", 0,
            164);

    private static PhysicalTpm host;
    private static PhysicalTpm otherHost;
    private static CaKey caKey;
    private static Tpm vtpm;

    @TempDir
    Path work;

    @BeforeAll
    static void createCa() throws Exception {
        host = PhysicalTpm.start();
        otherHost = PhysicalTpm.start();
        caKey = ManagerCa.create(host.tpm, "CN=vTPM manager CA,O=vtpm-manager tests", Duration.ofDays(30));
        vtpm = new Tpm(new InProcessTransport(Engine.manufacture(new SecureRandom()), "vtpm"));
        vtpm.execute(new Startup(Su.CLEAR));
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            if (host != null) {
                host.close();
            }
        } finally {
            if (otherHost != null) {
                otherHost.close();
            }
        }
    }

    @AfterEach
    void leavesNothingLoadedInThePhysicalTpm() throws Exception {
        assertEquals(List.of(), List.copyOf(host.loaded()));
    }

    @Test
    void theCaCertificateIsSelfSignedByTheTpmKeyAndAcceptedByOpenssl() throws Exception {
        try (ManagerCa ca = ManagerCa.open(host.tpm, CaKey.decode(caKey.encoded()))) {
            X509Certificate certificate = ca.certificate();
            certificate.checkValidity();
            assertEquals(certificate.getSubjectX500Principal(), certificate.getIssuerX500Principal());
            X509CertificateHolder holder = new X509CertificateHolder(certificate.getEncoded());
            assertTrue(BasicConstraints.fromExtensions(holder.getExtensions()).isCA());
            assertTrue(holder.getExtension(Extension.basicConstraints).isCritical());
            assertTrue(KeyUsage.fromExtensions(holder.getExtensions()).hasUsages(KeyUsage.keyCertSign));
            assertEquals(PublicKeys.subjectPublicKeyInfo(caKey.publicArea()), holder.getSubjectPublicKeyInfo());
            assertEquals("1.2.840.10045.4.3.2", certificate.getSigAlgOID());
            Openssl.Result verified = Openssl.verify(work, certificate, certificate);
            assertEquals(0, verified.exitCode(), verified.output());
        }
    }

    @Test
    void ekCertificatesFollowTheEkCredentialProfileAndVerify() throws Exception {
        try (ManagerCa ca = ManagerCa.open(host.tpm, caKey)) {
            for (EkTemplate template : new EkTemplate[] {EkTemplate.L1, EkTemplate.L2}) {
                Public ek = endorsementKey(template.template());
                X509Certificate certificate = ca.issueEk(new EkCertificateRequest(ek, VTPM, Duration.ofDays(10)));
                Openssl.Result verified = Openssl.verify(work, ca.certificate(), certificate);
                assertEquals(0, verified.exitCode(), template + ": " + verified.output());
                checkEkProfile(ca, ek, new X509CertificateHolder(certificate.getEncoded()),
                        template == EkTemplate.L1 ? KeyUsage.keyEncipherment : KeyUsage.keyAgreement);
            }
        }
    }

    private static void checkEkProfile(ManagerCa ca, Public ek, X509CertificateHolder holder, int keyUsage)
            throws Exception {
        assertEquals(0, holder.getSubject().getRDNs().length, "empty subject");
        assertEquals(PublicKeys.subjectPublicKeyInfo(ek), holder.getSubjectPublicKeyInfo(), "the EK's own key");
        assertTrue(holder.getSerialNumber().signum() > 0);
        assertTrue(holder.getSerialNumber().bitLength() <= 159);

        Extension san = holder.getExtension(Extension.subjectAlternativeName);
        assertTrue(san.isCritical(), "SAN is critical when the subject is empty");
        GeneralName[] names = GeneralNames.getInstance(san.getParsedValue()).getNames();
        assertEquals(1, names.length);
        assertEquals(GeneralName.directoryName, names[0].getTagNo());
        X500Name tpmName = X500Name.getInstance(names[0].getName());
        assertEquals("id:564D4752", value(tpmName, TcgOids.TPM_MANUFACTURER));
        assertEquals("vtpm-engine", value(tpmName, TcgOids.TPM_MODEL));
        assertEquals("id:00020001", value(tpmName, TcgOids.TPM_VERSION));

        Attribute specification = (Attribute) SubjectDirectoryAttributes.getInstance(holder.getExtension(
                Extension.subjectDirectoryAttributes).getParsedValue()).getAttributes().get(0);
        assertEquals(TcgOids.TPM_SPECIFICATION, specification.getAttrType());
        ASN1Sequence spec = ASN1Sequence.getInstance(specification.getAttrValues().getObjectAt(0));
        assertEquals("2.0", ((ASN1String) spec.getObjectAt(0)).getString());
        assertEquals(BigInteger.ZERO, ASN1Integer.getInstance(spec.getObjectAt(1)).getValue());
        assertEquals(BigInteger.valueOf(164), ASN1Integer.getInstance(spec.getObjectAt(2)).getValue());

        assertTrue(ExtendedKeyUsage.fromExtensions(holder.getExtensions()).hasKeyPurposeId(
                KeyPurposeId.getInstance(TcgOids.EK_CERTIFICATE)));
        KeyUsage usage = KeyUsage.fromExtensions(holder.getExtensions());
        assertTrue(usage.hasUsages(keyUsage));
        assertFalse(usage.hasUsages(KeyUsage.digitalSignature));
        assertTrue(holder.getExtension(Extension.keyUsage).isCritical());
        assertFalse(BasicConstraints.fromExtensions(holder.getExtensions()).isCA());

        X509CertificateHolder caHolder = new X509CertificateHolder(ca.certificate().getEncoded());
        assertArrayEquals(SubjectKeyIdentifier.fromExtensions(caHolder.getExtensions()).getKeyIdentifier(),
                AuthorityKeyIdentifier.fromExtensions(holder.getExtensions()).getKeyIdentifierOctets());
        CertificatePolicies policies = CertificatePolicies.fromExtensions(holder.getExtensions());
        PolicyQualifierInfo qualifier = PolicyQualifierInfo.getInstance(policies.getPolicyInformation()[0]
                .getPolicyQualifiers().getObjectAt(0));
        assertEquals(PolicyQualifierId.id_qt_unotice, qualifier.getPolicyQualifierId());
        UserNotice notice = UserNotice.getInstance(qualifier.getQualifier());
        assertEquals(ManagerCa.EK_POLICY_NOTICE, notice.getExplicitText().getString());
    }

    private static String value(X500Name name, org.bouncycastle.asn1.ASN1ObjectIdentifier type) {
        RDN[] rdns = name.getRDNs(type);
        assertEquals(1, rdns.length, type.getId());
        return ((ASN1String) rdns[0].getFirst().getValue()).getString();
    }

    @Test
    void akCertificatesNameTheVtpmAndVerify() throws Exception {
        Public ak = endorsementKey(VtpmIdentity.attestationKeyTemplate());
        try (ManagerCa ca = ManagerCa.open(host.tpm, caKey)) {
            X509Certificate certificate = ca.issueAk(new AkCertificateRequest(ak, "vtpm-42", VTPM,
                    Duration.ofDays(10)));
            Openssl.Result verified = Openssl.verify(work, ca.certificate(), certificate);
            assertEquals(0, verified.exitCode(), verified.output());
            X509CertificateHolder holder = new X509CertificateHolder(certificate.getEncoded());
            assertTrue(holder.getSubject().toString().contains("CN=vtpm-42"), holder.getSubject().toString());
            assertEquals(PublicKeys.subjectPublicKeyInfo(ak), holder.getSubjectPublicKeyInfo());
            assertTrue(ExtendedKeyUsage.fromExtensions(holder.getExtensions()).hasKeyPurposeId(
                    KeyPurposeId.getInstance(TcgOids.AIK_CERTIFICATE)));
            assertTrue(KeyUsage.fromExtensions(holder.getExtensions()).hasUsages(KeyUsage.digitalSignature));
            assertFalse(BasicConstraints.fromExtensions(holder.getExtensions()).isCA());
        }
    }

    @Test
    void keysOfTheWrongKindAreNotCertified() throws Exception {
        Public ek = endorsementKey(EkTemplate.L2.template());
        Public ak = endorsementKey(VtpmIdentity.attestationKeyTemplate());
        try (ManagerCa ca = ManagerCa.open(host.tpm, caKey)) {
            assertThrows(IllegalArgumentException.class,
                    () -> ca.issueEk(new EkCertificateRequest(ak, VTPM, Duration.ofDays(1))));
            assertThrows(IllegalArgumentException.class,
                    () -> ca.issueAk(new AkCertificateRequest(ek, "vtpm-1", VTPM, Duration.ofDays(1))));
        }
    }

    @Test
    void signaturesVerifyUnderTheCaKeyInBothEncodings() throws Exception {
        byte[] statement = "vtpm-1 runs on host-a".getBytes(StandardCharsets.UTF_8);
        ECPublicKeyParameters caPublic = (ECPublicKeyParameters) PublicKeyFactory.createKey(
                PublicKeys.subjectPublicKeyInfo(caKey.publicArea()));
        ECDSASigner verifier = new ECDSASigner();
        verifier.init(false, caPublic);
        byte[] digest = HashAlgorithm.SHA256.hash(statement);
        try (ManagerCa ca = ManagerCa.open(host.tpm, caKey)) {
            ASN1Sequence der = ASN1Sequence.getInstance(ca.signDer(statement));
            assertTrue(verifier.verifySignature(digest, ASN1Integer.getInstance(der.getObjectAt(0)).getValue(),
                    ASN1Integer.getInstance(der.getObjectAt(1)).getValue()));
            byte[] raw = ca.signRaw(statement);
            assertEquals(64, raw.length);
            BigInteger r = new BigInteger(1, Arrays.copyOfRange(raw, 0, 32));
            BigInteger s = new BigInteger(1, Arrays.copyOfRange(raw, 32, 64));
            assertTrue(verifier.verifySignature(digest, r, s));
            assertFalse(verifier.verifySignature(HashAlgorithm.SHA256.hash(new byte[] {1}), r, s));
        }
    }

    @Test
    void theCaKeyLoadsOnlyInThePhysicalTpmThatCreatedIt() {
        KeyProtectionException e = assertThrows(KeyProtectionException.class,
                () -> ManagerCa.open(otherHost.tpm, caKey));
        assertTrue(e.getMessage().contains("manager CA key was created by a different physical TPM"),
                e.getMessage());
    }

    @Test
    void aStoredCaKeyIsCheckedAgainstItsCertificate() throws Exception {
        CaKey other = ManagerCa.create(host.tpm, "CN=another CA", Duration.ofDays(1));
        CaKey mixed = new CaKey(caKey.publicArea(), caKey.privateArea(), other.certificate());
        assertThrows(KeyProtectionException.class, () -> CaKey.decode(mixed.encoded()));
        byte[] encoded = caKey.encoded();
        for (int length = 0; length < encoded.length; length += 7) {
            byte[] cut = Arrays.copyOf(encoded, length);
            assertThrows(KeyProtectionException.class, () -> CaKey.decode(cut), "length " + length);
        }
        assertEquals(caKey, CaKey.decode(encoded));
        assertFalse(caKey.toString().matches(".*[0-9a-fA-F]{16}.*"), caKey.toString());
    }

    /** A primary key of the vTPM's endorsement hierarchy, as provisioning creates it. */
    private static Public endorsementKey(Public template) throws Exception {
        var created = vtpm.execute(new CreatePrimary(Handle.RH_ENDORSEMENT, Tpm2b.of(SensitiveCreate.EMPTY),
                Tpm2b.of(template), Data.EMPTY, PcrSelectionList.EMPTY), PasswordSession.empty());
        vtpm.execute(new org.vtpm.tpm.command.FlushContext(created.objectHandle()));
        return created.outPublic().value();
    }
}
