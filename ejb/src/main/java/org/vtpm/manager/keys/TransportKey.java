package org.vtpm.manager.keys;

import java.io.IOException;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;

import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.generators.ECKeyPairGenerator;
import org.bouncycastle.crypto.params.ECKeyGenerationParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.util.BigIntegers;
import org.vtpm.tpm.client.HmacSession;
import org.vtpm.tpm.client.PasswordSession;
import org.vtpm.tpm.client.Tpm;
import org.vtpm.tpm.command.Create;
import org.vtpm.tpm.command.CreateResponse;
import org.vtpm.tpm.command.EcdhZGen;
import org.vtpm.tpm.crypto.CryptoException;
import org.vtpm.tpm.crypto.Ecdh;
import org.vtpm.tpm.crypto.HashAlgorithm;
import org.vtpm.tpm.crypto.Kdfe;
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
import org.vtpm.tpm.types.Name;
import org.vtpm.tpm.types.ObjectAttributes;
import org.vtpm.tpm.types.PcrSelectionList;
import org.vtpm.tpm.types.Public;
import org.vtpm.tpm.types.SchemeHash;
import org.vtpm.tpm.types.SensitiveCreate;
import org.vtpm.tpm.types.SessionAttributes;
import org.vtpm.tpm.types.SymDefObject;
import org.vtpm.tpm.wire.Codecs;
import org.vtpm.tpm.wire.TpmFormatException;
import org.vtpm.tpm.wire.TpmReader;
import org.vtpm.tpm.wire.TpmWriter;
import org.vtpm.tpm.wire.Tpm2b;

/**
 * Carries a secret (a vTPM's data key, its state) to another host so that only that host's
 * physical TPM can open it. The target host creates an ECC P-256 key under its TPM's storage
 * primary key ({@link #create}) and hands out its public area; the source seals to it in software
 * ({@link #sealTo}: an ephemeral ECDH key, KDFe as the TPM specification defines it, AES-256-GCM);
 * the target opens it ({@link #open}) with TPM2_ECDH_ZGen, so the private key never leaves its TPM.
 *
 * <p>A sealed blob is {@code format(1) || TPMS_ECC_POINT ephemeral || nonce(12) || ciphertext ||
 * tag(16)}; its associated data binds the format, the target key's name and the ephemeral point.
 * Whether a public area really belongs to the intended host's TPM is for the caller to establish
 * before sealing.
 */
public final class TransportKey {

    private static final int FORMAT = 1;
    private static final String PURPOSE = "vtpm-manager/migration";
    private static final String KDF_LABEL = "VTPM-MIGRATION";
    private static final org.vtpm.tpm.crypto.EccCurve CURVE = org.vtpm.tpm.crypto.EccCurve.NIST_P256;
    private static final HashAlgorithm KDF_HASH = HashAlgorithm.SHA256;
    private static final SessionAttributes ENCRYPT_RESPONSE = SessionAttributes.of(
            SessionAttributes.CONTINUE_SESSION, SessionAttributes.ENCRYPT);
    private static final SecureRandom RANDOM = new SecureRandom();

    private TransportKey() {
    }

    /**
     * Creates this host's transport key in {@code ptpm}, under its storage primary key.
     *
     * @throws KeyProtectionException when the TPM refuses
     * @throws IOException when the TPM cannot be reached
     */
    public static TransportKeyBlob create(Tpm ptpm) throws KeyProtectionException, IOException {
        try (StoragePrimary srk = StoragePrimary.create(ptpm)) {
            CreateResponse created = TpmCalls.execute(ptpm, "TPM2_Create of the transport key", new Create(
                    srk.handle(), Tpm2b.of(SensitiveCreate.EMPTY), Tpm2b.of(template()), Data.EMPTY,
                    PcrSelectionList.EMPTY), PasswordSession.empty());
            return new TransportKeyBlob(created.outPublic().value(), created.outPrivate());
        }
    }

    /**
     * Seals {@code secret} to the transport key whose public area is {@code target}.
     *
     * @throws IllegalArgumentException when {@code target} is not a transport key as {@link #create}
     *     makes them, or its point is not on the curve
     */
    public static byte[] sealTo(Public target, byte[] secret) {
        Objects.requireNonNull(secret, "secret");
        EccPoint targetPoint = requireTransportKey(target);
        ECKeyPairGenerator generator = new ECKeyPairGenerator();
        generator.init(new ECKeyGenerationParameters(CURVE.domain(), RANDOM));
        AsymmetricCipherKeyPair ephemeral = generator.generateKeyPair();
        BigInteger d = ((ECPrivateKeyParameters) ephemeral.getPrivate()).getD();
        ECPoint q = ((ECPublicKeyParameters) ephemeral.getPublic()).getQ().normalize();
        EccPoint ephemeralPoint = new EccPoint(
                new EccParameter(BigIntegers.asUnsignedByteArray(CURVE.coordinateSize(),
                        q.getAffineXCoord().toBigInteger())),
                new EccParameter(BigIntegers.asUnsignedByteArray(CURVE.coordinateSize(),
                        q.getAffineYCoord().toBigInteger())));
        byte[] z;
        try {
            z = Ecdh.sharedSecret(CURVE, d, targetPoint.x().buffer(), targetPoint.y().buffer());
        } catch (CryptoException e) {
            throw new IllegalArgumentException("the transport key's public point is not a valid P-256 point", e);
        }
        byte[] key = derive(z, ephemeralPoint, targetPoint);
        try {
            byte[] body = AesGcm.sealBody(key, associatedData(Name.of(target), ephemeralPoint), secret);
            return new TpmWriter().writeU8(FORMAT).writeBytes(Codecs.marshal(ephemeralPoint)).writeBytes(body)
                    .toByteArray();
        } finally {
            Arrays.fill(z, (byte) 0);
            Arrays.fill(key, (byte) 0);
        }
    }

    /**
     * The secret {@link #sealTo} sealed to {@code key}, which must be this host's transport key in
     * {@code ptpm}: the ECDH secret is computed there with TPM2_ECDH_ZGen.
     *
     * @throws KeyProtectionException when {@code sealed} is malformed, was sealed to another key or
     *     altered, or when {@code key} belongs to another physical TPM
     * @throws IOException when the TPM cannot be reached
     */
    public static byte[] open(Tpm ptpm, TransportKeyBlob key, byte[] sealed) throws KeyProtectionException,
            IOException {
        EccPoint ephemeralPoint;
        int bodyOffset;
        try {
            TpmReader in = new TpmReader(sealed);
            int format = in.readU8();
            if (format != FORMAT) {
                throw new KeyProtectionException("the migration blob has format " + format + ", this manager reads "
                        + FORMAT);
            }
            ephemeralPoint = Codecs.of(EccPoint.class).read(in, false);
            bodyOffset = in.position();
            Ecdh.validatePoint(CURVE, ephemeralPoint.x().buffer(), ephemeralPoint.y().buffer());
        } catch (TpmFormatException | CryptoException e) {
            throw new KeyProtectionException("the migration blob is malformed: " + e.getMessage(), e);
        }
        EccPoint targetPoint;
        try {
            targetPoint = requireTransportKey(key.publicArea());
        } catch (IllegalArgumentException e) {
            throw new KeyProtectionException("the stored transport key is not one: " + e.getMessage(), e);
        }
        byte[] z = sharedSecret(ptpm, key, ephemeralPoint);
        byte[] aesKey = derive(z, ephemeralPoint, targetPoint);
        try {
            return AesGcm.openBody(aesKey, associatedData(key.name(), ephemeralPoint), sealed, bodyOffset);
        } catch (InvalidCipherTextException e) {
            throw new KeyProtectionException("the migration blob does not authenticate under this host's transport"
                    + " key: it was sealed to another key, or altered");
        } finally {
            Arrays.fill(z, (byte) 0);
            Arrays.fill(aesKey, (byte) 0);
        }
    }

    /** Z: the x coordinate of the transport key's private scalar times the ephemeral point, from the TPM. */
    private static byte[] sharedSecret(Tpm ptpm, TransportKeyBlob key, EccPoint ephemeralPoint)
            throws KeyProtectionException, IOException {
        try (StoragePrimary srk = StoragePrimary.create(ptpm)) {
            Handle loaded = srk.load(key.publicArea(), key.privateArea(), "the transport key", "was created");
            try {
                HmacSession session = srk.startSaltedSession();
                try {
                    EccPoint shared = TpmCalls.execute(ptpm, "TPM2_ECDH_ZGen with the transport key",
                            new EcdhZGen(loaded, Tpm2b.of(ephemeralPoint)), session.withAttributes(ENCRYPT_RESPONSE))
                            .outPoint().value();
                    byte[] x = shared.x().buffer();
                    if (x.length > CURVE.coordinateSize()) {
                        throw new KeyProtectionException("TPM2_ECDH_ZGen answered with a " + x.length
                                + "-byte coordinate");
                    }
                    byte[] z = new byte[CURVE.coordinateSize()];
                    System.arraycopy(x, 0, z, z.length - x.length, x.length);
                    Arrays.fill(x, (byte) 0);
                    return z;
                } finally {
                    TpmCalls.flush(ptpm, session.handle());
                }
            } finally {
                TpmCalls.flush(ptpm, loaded);
            }
        }
    }

    private static byte[] derive(byte[] z, EccPoint ephemeralPoint, EccPoint targetPoint) {
        return Kdfe.derive(KDF_HASH, z, KDF_LABEL, ephemeralPoint.x().buffer(), targetPoint.x().buffer(),
                8 * AesGcm.KEY_BYTES);
    }

    private static byte[] associatedData(Name target, EccPoint ephemeralPoint) {
        return AssociatedData.of(FORMAT, PURPOSE).bytes(target.buffer()).bytes(ephemeralPoint.x().buffer())
                .bytes(ephemeralPoint.y().buffer()).bytes();
    }

    private static EccPoint requireTransportKey(Public key) {
        Objects.requireNonNull(key, "key");
        if (!key.type().equals(AlgId.ECC) || !((EccParms) key.parameters()).curveID().equals(EccCurve.NIST_P256)
                || !key.objectAttributes().has(ObjectAttributes.DECRYPT)
                || key.objectAttributes().has(ObjectAttributes.RESTRICTED)) {
            throw new IllegalArgumentException("a transport key is an unrestricted ECC P-256 decryption key");
        }
        return (EccPoint) key.unique();
    }

    /** An unrestricted ECC P-256 ECDH key that never leaves the TPM. */
    private static Public template() {
        ObjectAttributes attributes = ObjectAttributes.of(ObjectAttributes.FIXED_TPM, ObjectAttributes.FIXED_PARENT,
                ObjectAttributes.SENSITIVE_DATA_ORIGIN, ObjectAttributes.USER_WITH_AUTH, ObjectAttributes.NO_DA,
                ObjectAttributes.DECRYPT);
        return new Public(AlgId.ECC, AlgId.SHA256, attributes, Digest.EMPTY,
                new EccParms(SymDefObject.NULL, new EccScheme(AlgId.ECDH, new SchemeHash(AlgId.SHA256)),
                        EccCurve.NIST_P256, KdfScheme.NULL),
                new EccPoint(EccParameter.EMPTY, EccParameter.EMPTY));
    }
}
