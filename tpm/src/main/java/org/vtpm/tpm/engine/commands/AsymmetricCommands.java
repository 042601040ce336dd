package org.vtpm.tpm.engine.commands;

import java.math.BigInteger;

import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.RSAKeyParameters;
import org.bouncycastle.math.ec.ECCurve;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.util.BigIntegers;
import org.vtpm.tpm.command.EccParameters;
import org.vtpm.tpm.command.EccParametersResponse;
import org.vtpm.tpm.command.EcdhKeyGen;
import org.vtpm.tpm.command.EcdhKeyGenResponse;
import org.vtpm.tpm.command.EcdhZGen;
import org.vtpm.tpm.command.EcdhZGenResponse;
import org.vtpm.tpm.command.RsaDecrypt;
import org.vtpm.tpm.command.RsaDecryptResponse;
import org.vtpm.tpm.command.RsaEncrypt;
import org.vtpm.tpm.command.RsaEncryptResponse;
import org.vtpm.tpm.crypto.CryptoException;
import org.vtpm.tpm.crypto.EccCurve;
import org.vtpm.tpm.crypto.Ecdh;
import org.vtpm.tpm.crypto.HashAlgorithm;
import org.vtpm.tpm.engine.keys.RsaEncryption;
import org.vtpm.tpm.engine.state.EngineState;
import org.vtpm.tpm.engine.state.LoadedKey;
import org.vtpm.tpm.types.AlgId;
import org.vtpm.tpm.types.AlgorithmDetailEcc;
import org.vtpm.tpm.types.Data;
import org.vtpm.tpm.types.EccParameter;
import org.vtpm.tpm.types.EccParms;
import org.vtpm.tpm.types.EccPoint;
import org.vtpm.tpm.types.EccScheme;
import org.vtpm.tpm.types.Handle;
import org.vtpm.tpm.types.KdfScheme;
import org.vtpm.tpm.types.ObjectAttributes;
import org.vtpm.tpm.types.PublicKeyRsa;
import org.vtpm.tpm.types.RsaDecryptScheme;
import org.vtpm.tpm.types.RsaParms;
import org.vtpm.tpm.types.RsaScheme;
import org.vtpm.tpm.types.SchemeHash;
import org.vtpm.tpm.wire.Tpm2b;
import org.vtpm.tpm.wire.TpmRc;

/**
 * TPM2_RSA_Encrypt, TPM2_RSA_Decrypt, TPM2_ECDH_KeyGen, TPM2_ECDH_ZGen and TPM2_ECC_Parameters
 * (Part 3, 14.2 to 14.6).
 */
public final class AsymmetricCommands {

    private final EngineState state;

    public AsymmetricCommands(EngineState state) {
        this.state = state;
    }

    /**
     * TPM2_ECC_Parameters (Part 3, 14.6): the curve's domain parameters, each field element and
     * scalar as wide as the curve's coordinates, with the key-derivation function the reference
     * implementation pairs with the curve (SP 800-56A's KDF with the hash of the curve's strength)
     * and no signing scheme tied to it.
     */
    public EccParametersResponse eccParameters(EccParameters command, Request request) throws CommandError {
        int id = command.curveID().value();
        EccCurve curve = Algorithms.CURVES.stream().filter(c -> c.curveId() == id).findFirst()
                .orElseThrow(() -> CommandError.of(TpmRc.CURVE.withParameter(1)));
        ECDomainParameters domain = curve.domain();
        ECCurve field = domain.getCurve();
        int size = curve.coordinateSize();
        AlgId kdfHash = size == HashAlgorithm.SHA384.digestSize() ? AlgId.SHA384 : AlgId.SHA256;
        ECPoint g = domain.getG().normalize();
        return new EccParametersResponse(new AlgorithmDetailEcc(command.curveID(), size * Byte.SIZE,
                new KdfScheme(AlgId.KDF1_SP800_56A, new SchemeHash(kdfHash)), EccScheme.NULL,
                fixed(size, field.getField().getCharacteristic()), fixed(size, field.getA().toBigInteger()),
                fixed(size, field.getB().toBigInteger()), fixed(size, g.getAffineXCoord().toBigInteger()),
                fixed(size, g.getAffineYCoord().toBigInteger()), fixed(size, domain.getN()),
                new EccParameter(BigIntegers.asUnsignedByteArray(domain.getH()))));
    }

    private static EccParameter fixed(int size, BigInteger value) {
        return new EccParameter(BigIntegers.asUnsignedByteArray(size, value));
    }

    /** Encrypts to the public part of any RSA decryption key, restricted ones included. */
    public RsaEncryptResponse rsaEncrypt(RsaEncrypt command, Request request) throws CommandError {
        LoadedKey key = rsaKey(command.keyHandle());
        if (!key.has(ObjectAttributes.DECRYPT)) {
            throw CommandError.of(TpmRc.ATTRIBUTES.withHandle(1));
        }
        checkLabel(command.label(), 3);
        RsaEncryption.Scheme scheme = scheme(key, command.inScheme(), 2);
        RSAKeyParameters publicKey = (RSAKeyParameters) key.publicKey()
                .orElseThrow(() -> CommandError.of(TpmRc.KEY.withHandle(1)));
        try {
            return new RsaEncryptResponse(new PublicKeyRsa(RsaEncryption.encrypt(publicKey, scheme,
                    command.label().buffer(), command.message().buffer(), state.random()::generate)));
        } catch (CryptoException e) {
            throw CommandError.of(CryptoErrors.rc(e));
        }
    }

    public RsaDecryptResponse rsaDecrypt(RsaDecrypt command, Request request) throws CommandError {
        LoadedKey key = rsaKey(command.keyHandle());
        if (key.has(ObjectAttributes.RESTRICTED) || !key.has(ObjectAttributes.DECRYPT)) {
            throw CommandError.of(TpmRc.ATTRIBUTES.withHandle(1));
        }
        checkLabel(command.label(), 3);
        RsaEncryption.Scheme scheme = scheme(key, command.inScheme(), 2);
        RSAKeyParameters privateKey = (RSAKeyParameters) key.privateKey()
                .orElseThrow(() -> CommandError.of(TpmRc.KEY.withHandle(1)));
        try {
            return new RsaDecryptResponse(new PublicKeyRsa(RsaEncryption.decrypt(privateKey, scheme,
                    command.label().buffer(), command.cipherText().buffer())));
        } catch (CryptoException e) {
            throw CommandError.of(CryptoErrors.rc(e));
        }
    }

    /** An ephemeral key pair on the key's curve, and the point it shares with the key. */
    public EcdhKeyGenResponse ecdhKeyGen(EcdhKeyGen command, Request request) throws CommandError {
        LoadedKey key = eccKey(command.keyHandle());
        EccCurve curve = curve(key);
        ECPublicKeyParameters staticKey = (ECPublicKeyParameters) key.publicKey()
                .orElseThrow(() -> CommandError.of(TpmRc.KEY.withHandle(1)));
        BigInteger n = curve.domain().getN();
        BigInteger d = new BigInteger(1, state.random().generate(curve.coordinateSize() + 8))
                .mod(n.subtract(BigInteger.ONE)).add(BigInteger.ONE);
        ECPoint ephemeral = curve.domain().getG().multiply(d).normalize();
        ECPoint z = staticKey.getQ().multiply(d).normalize();
        return new EcdhKeyGenResponse(Tpm2b.of(point(curve, z)), Tpm2b.of(point(curve, ephemeral)));
    }

    /** The point the key shares with a peer's public point: what the peer computes from the key's public point. */
    public EcdhZGenResponse ecdhZGen(EcdhZGen command, Request request) throws CommandError {
        LoadedKey key = eccKey(command.keyHandle());
        if (key.has(ObjectAttributes.RESTRICTED) || !key.has(ObjectAttributes.DECRYPT)) {
            throw CommandError.of(TpmRc.ATTRIBUTES.withHandle(1));
        }
        AlgId scheme = ((EccParms) key.publicValue().parameters()).scheme().scheme();
        if (!scheme.equals(AlgId.NULL) && !scheme.equals(AlgId.ECDH)) {
            throw CommandError.of(TpmRc.SCHEME.withHandle(1));
        }
        if (command.inPoint().isEmpty()) {
            throw CommandError.of(TpmRc.SIZE.withParameter(1));
        }
        EccCurve curve = curve(key);
        ECPrivateKeyParameters privateKey = (ECPrivateKeyParameters) key.privateKey()
                .orElseThrow(() -> CommandError.of(TpmRc.KEY.withHandle(1)));
        EccPoint peer = command.inPoint().value();
        try {
            ECPoint shared = Ecdh.sharedPoint(curve, privateKey.getD(), peer.x().buffer(), peer.y().buffer());
            return new EcdhZGenResponse(Tpm2b.of(point(curve, shared)));
        } catch (CryptoException e) {
            throw CommandError.of(CryptoErrors.rc(e).withParameter(1));
        }
    }

    private LoadedKey rsaKey(Handle handle) throws CommandError {
        if (state.objects().get(handle).orElseThrow() instanceof LoadedKey key
                && key.publicValue().type().equals(AlgId.RSA)) {
            return key;
        }
        throw CommandError.of(TpmRc.KEY.withHandle(1));
    }

    private LoadedKey eccKey(Handle handle) throws CommandError {
        if (state.objects().get(handle).orElseThrow() instanceof LoadedKey key
                && key.publicValue().type().equals(AlgId.ECC)) {
            return key;
        }
        throw CommandError.of(TpmRc.KEY.withHandle(1));
    }

    private static EccCurve curve(LoadedKey key) throws CommandError {
        return EccCurve.fromCurveId(((EccParms) key.publicValue().parameters()).curveID().value())
                .orElseThrow(() -> CommandError.of(TpmRc.KEY.withHandle(1)));
    }

    private static EccPoint point(EccCurve curve, ECPoint point) {
        int size = curve.coordinateSize();
        return new EccPoint(new EccParameter(unsigned(point.getAffineXCoord().toBigInteger(), size)),
                new EccParameter(unsigned(point.getAffineYCoord().toBigInteger(), size)));
    }

    private static byte[] unsigned(BigInteger value, int size) {
        return BigIntegers.asUnsignedByteArray(size, value);
    }

    /** A label is empty or a string with its terminating zero (Part 1, B.4). */
    private static void checkLabel(Data label, int p) throws CommandError {
        byte[] bytes = label.buffer();
        if (bytes.length > 0 && bytes[bytes.length - 1] != 0) {
            throw CommandError.of(TpmRc.VALUE.withParameter(p));
        }
    }

    /**
     * The key's scheme when it has one, which the caller may only repeat; else the caller's
     * (CryptRsaSelectScheme). Both TPM_ALG_NULL means the raw RSA primitive.
     */
    private static RsaEncryption.Scheme scheme(LoadedKey key, RsaDecryptScheme requested, int p)
            throws CommandError {
        RsaScheme own = ((RsaParms) key.publicValue().parameters()).scheme();
        AlgId algorithm;
        Object details;
        if (own.scheme().equals(AlgId.NULL)) {
            algorithm = requested.scheme();
            details = requested.details();
        } else {
            if (!requested.scheme().equals(AlgId.NULL) && (!requested.scheme().equals(own.scheme())
                    || !requested.details().equals(own.details()))) {
                throw CommandError.of(TpmRc.SCHEME.withParameter(p));
            }
            algorithm = own.scheme();
            details = own.details();
        }
        if (algorithm.equals(AlgId.OAEP)) {
            SchemeHash hash = (SchemeHash) details;
            return new RsaEncryption.Scheme(algorithm, Algorithms.hash(hash.hashAlg())
                    .orElseThrow(() -> CommandError.of(TpmRc.HASH.withParameter(p))));
        }
        if (algorithm.equals(AlgId.RSAES) || algorithm.equals(AlgId.NULL)) {
            return new RsaEncryption.Scheme(algorithm, null);
        }
        throw CommandError.of(TpmRc.SCHEME.withParameter(p));
    }
}
