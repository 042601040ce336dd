package org.vtpm.manager.keys;

import java.io.IOException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import org.vtpm.tpm.client.PasswordSession;
import org.vtpm.tpm.client.Tpm;
import org.vtpm.tpm.command.CreatePrimary;
import org.vtpm.tpm.command.CreatePrimaryResponse;
import org.vtpm.tpm.command.EvictControl;
import org.vtpm.tpm.command.GetCapability;
import org.vtpm.tpm.command.NvDefineSpace;
import org.vtpm.tpm.command.NvWrite;
import org.vtpm.tpm.command.NvWriteLock;
import org.vtpm.tpm.types.AlgId;
import org.vtpm.tpm.types.Auth;
import org.vtpm.tpm.types.Cap;
import org.vtpm.tpm.types.Data;
import org.vtpm.tpm.types.Digest;
import org.vtpm.tpm.types.EccCurve;
import org.vtpm.tpm.types.EccParameter;
import org.vtpm.tpm.types.EccParms;
import org.vtpm.tpm.types.EccPoint;
import org.vtpm.tpm.types.EccScheme;
import org.vtpm.tpm.types.Handle;
import org.vtpm.tpm.types.KdfScheme;
import org.vtpm.tpm.types.MaxNvBuffer;
import org.vtpm.tpm.types.NvAttributes;
import org.vtpm.tpm.types.NvPublic;
import org.vtpm.tpm.types.ObjectAttributes;
import org.vtpm.tpm.types.PcrSelectionList;
import org.vtpm.tpm.types.Pt;
import org.vtpm.tpm.types.Public;
import org.vtpm.tpm.types.SchemeHash;
import org.vtpm.tpm.types.SensitiveCreate;
import org.vtpm.tpm.types.SymDefObject;
import org.vtpm.tpm.types.TaggedProperty;
import org.vtpm.tpm.types.TaggedTpmPropertyList;
import org.vtpm.tpm.types.TpmLimits;
import org.vtpm.tpm.wire.Tpm2b;

/**
 * Gives a new vTPM its identity, as a TPM manufacturer does: endorsement keys from the EK
 * Credential Profile templates and an attestation key, each persistent, each certified by the
 * manager CA, the certificates in the vTPM's NV memory where tools look for them.
 *
 * <ul>
 *   <li>EKs: {@link EkType} (0x81010001 RSA, 0x81010002 ECC; certificates at 0x01C00002 and
 *       0x01C0000A).</li>
 *   <li>Attestation key: an ECC P-256 restricted ECDSA-SHA256 signing key, derived as a primary
 *       of the endorsement hierarchy (so it needs no policy session and is re-derivable from the
 *       template for as long as the endorsement seed lives), persistent at {@link #AK_HANDLE}
 *       (0x81020000, the handle the TCG's device-identity guidance gives the manufacturer-certified
 *       attestation key); its certificate at {@link #AK_CERTIFICATE_INDEX} (0x01C10002, where
 *       Google Compute Engine's vTPMs keep their ECC AK certificate).</li>
 *   <li>Certificate indices are defined and written under platform authorization and then
 *       write-locked for good (PPWRITE, WRITEDEFINE), readable by owner, platform and anyone with
 *       the index's empty authValue, as the EK Credential Profile asks.</li>
 * </ul>
 *
 * <p>The vTPM's owner, endorsement and platform authorizations are assumed empty, as they are on a
 * vTPM fresh from manufacture.
 */
public final class VtpmIdentity {

    public static final Handle AK_HANDLE = new Handle(0x8102_0000);
    public static final Handle AK_CERTIFICATE_INDEX = new Handle(0x01C1_0002);
    /** How long certificates issued at provisioning are valid. */
    public static final Duration CERTIFICATE_VALIDITY = Duration.ofDays(3650);

    private static final NvAttributes CERTIFICATE_INDEX_ATTRIBUTES = NvAttributes.of(NvAttributes.PPWRITE,
            NvAttributes.WRITEDEFINE, NvAttributes.PPREAD, NvAttributes.OWNERREAD, NvAttributes.AUTHREAD,
            NvAttributes.NO_DA, NvAttributes.PLATFORMCREATE);

    private VtpmIdentity() {
    }

    /** The keys and certificates a vTPM was provisioned with. */
    public record Provisioned(Map<EkType, ProvisionedKey> endorsementKeys, ProvisionedKey attestationKey) {

        public Provisioned {
            endorsementKeys = Collections.unmodifiableMap(new EnumMap<>(endorsementKeys));
            Objects.requireNonNull(attestationKey, "attestationKey");
        }
    }

    /**
     * Provisions the EKs {@code eks} and the attestation key in {@code vtpm}, a started vTPM fresh
     * from manufacture, with certificates from {@code ca} valid for {@link #CERTIFICATE_VALIDITY}.
     *
     * @throws KeyProtectionException when the vTPM or the CA's TPM refuses (a vTPM already
     *     provisioned refuses to define the certificate indices again); the vTPM may then hold
     *     part of its identity and is to be discarded, as a new vTPM has nothing else to lose
     * @throws IOException when a TPM cannot be reached
     */
    public static Provisioned provision(Tpm vtpm, Set<EkType> eks, ManagerCa ca, String vtpmId)
            throws KeyProtectionException, IOException {
        if (eks.isEmpty()) {
            throw new IllegalArgumentException("a vTPM needs at least one endorsement key");
        }
        StateCipher.requireId(vtpmId);
        TpmDescription description = TpmDescription.read(vtpm);
        int chunk = nvBufferMax(vtpm);
        Map<EkType, ProvisionedKey> endorsementKeys = new EnumMap<>(EkType.class);
        for (EkType type : new TreeSet<>(eks)) {
            CreatePrimaryResponse ek = createPrimary(vtpm, type.template().template(), "the " + type + " EK");
            X509Certificate certificate = ca.issueEk(new EkCertificateRequest(ek.outPublic().value(), description,
                    CERTIFICATE_VALIDITY));
            endorsementKeys.put(type, persist(vtpm, ek, type.persistentHandle(), type.certificateIndex(),
                    certificate, chunk));
        }
        CreatePrimaryResponse ak = createPrimary(vtpm, attestationKeyTemplate(), "the attestation key");
        X509Certificate certificate = ca.issueAk(new AkCertificateRequest(ak.outPublic().value(), vtpmId,
                description, CERTIFICATE_VALIDITY));
        return new Provisioned(endorsementKeys, persist(vtpm, ak, AK_HANDLE, AK_CERTIFICATE_INDEX, certificate,
                chunk));
    }

    /** The attestation key's template: ECC P-256, restricted, ECDSA with SHA-256, fixed to the vTPM. */
    public static Public attestationKeyTemplate() {
        ObjectAttributes attributes = ObjectAttributes.of(ObjectAttributes.FIXED_TPM, ObjectAttributes.FIXED_PARENT,
                ObjectAttributes.SENSITIVE_DATA_ORIGIN, ObjectAttributes.USER_WITH_AUTH, ObjectAttributes.NO_DA,
                ObjectAttributes.RESTRICTED, ObjectAttributes.SIGN_ENCRYPT);
        return new Public(AlgId.ECC, AlgId.SHA256, attributes, Digest.EMPTY,
                new EccParms(SymDefObject.NULL, new EccScheme(AlgId.ECDSA, new SchemeHash(AlgId.SHA256)),
                        EccCurve.NIST_P256, KdfScheme.NULL),
                new EccPoint(EccParameter.EMPTY, EccParameter.EMPTY));
    }

    private static CreatePrimaryResponse createPrimary(Tpm vtpm, Public template, String what)
            throws KeyProtectionException, IOException {
        return TpmCalls.execute(vtpm, "TPM2_CreatePrimary of " + what, new CreatePrimary(Handle.RH_ENDORSEMENT,
                Tpm2b.of(SensitiveCreate.EMPTY), Tpm2b.of(template), Data.EMPTY, PcrSelectionList.EMPTY),
                PasswordSession.empty());
    }

    /** Makes the key persistent, unloads the transient copy, and stores the certificate. */
    private static ProvisionedKey persist(Tpm vtpm, CreatePrimaryResponse key, Handle persistent, Handle index,
            X509Certificate certificate, int chunk) throws KeyProtectionException, IOException {
        try {
            TpmCalls.execute(vtpm, "TPM2_EvictControl to " + persistent, new EvictControl(Handle.RH_OWNER,
                    key.objectHandle(), persistent), PasswordSession.empty());
        } finally {
            TpmCalls.flush(vtpm, key.objectHandle());
        }
        writeCertificate(vtpm, index, der(certificate), chunk);
        return new ProvisionedKey(key.outPublic().value(), key.name(), persistent, index, certificate);
    }

    private static void writeCertificate(Tpm vtpm, Handle index, byte[] der, int chunk)
            throws KeyProtectionException, IOException {
        NvPublic nv = new NvPublic(index, AlgId.SHA256, CERTIFICATE_INDEX_ATTRIBUTES, Digest.EMPTY, der.length);
        TpmCalls.execute(vtpm, "TPM2_NV_DefineSpace of certificate index " + index, new NvDefineSpace(
                Handle.RH_PLATFORM, Auth.EMPTY, Tpm2b.of(nv)), PasswordSession.empty());
        for (int offset = 0; offset < der.length; offset += chunk) {
            byte[] part = Arrays.copyOfRange(der, offset, Math.min(der.length, offset + chunk));
            TpmCalls.execute(vtpm, "TPM2_NV_Write of certificate index " + index, new NvWrite(Handle.RH_PLATFORM,
                    index, new MaxNvBuffer(part), offset), PasswordSession.empty());
        }
        TpmCalls.execute(vtpm, "TPM2_NV_WriteLock of certificate index " + index, new NvWriteLock(
                Handle.RH_PLATFORM, index), PasswordSession.empty());
    }

    /** TPM_PT_NV_BUFFER_MAX: the most one TPM2_NV_Write takes. */
    private static int nvBufferMax(Tpm vtpm) throws KeyProtectionException, IOException {
        TaggedTpmPropertyList properties = (TaggedTpmPropertyList) TpmCalls.execute(vtpm,
                "TPM2_GetCapability(TPM_PT_NV_BUFFER_MAX)", new GetCapability(Cap.TPM_PROPERTIES,
                        Pt.NV_BUFFER_MAX.value(), 1)).capabilityData().data();
        for (TaggedProperty property : properties.tpmProperty()) {
            if (property.property().equals(Pt.NV_BUFFER_MAX) && property.value() > 0) {
                return Math.min(property.value(), TpmLimits.MAX_NV_BUFFER_SIZE);
            }
        }
        throw new KeyProtectionException("the vTPM did not report TPM_PT_NV_BUFFER_MAX");
    }

    private static byte[] der(X509Certificate certificate) {
        try {
            return certificate.getEncoded();
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException("a certificate the manager CA issued cannot be encoded", e);
        }
    }
}
