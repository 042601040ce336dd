package org.vtpm.tpm.engine.keys;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.util.Optional;

import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.RSAKeyParameters;
import org.bouncycastle.crypto.params.RSAPrivateCrtKeyParameters;
import org.bouncycastle.math.ec.ECPoint;
import org.vtpm.tpm.crypto.EccCurve;
import org.vtpm.tpm.crypto.HashAlgorithm;
import org.vtpm.tpm.types.AlgId;
import org.vtpm.tpm.types.Digest;
import org.vtpm.tpm.types.EccParameter;
import org.vtpm.tpm.types.EccParms;
import org.vtpm.tpm.types.EccPoint;
import org.vtpm.tpm.types.PrivateKeyRsa;
import org.vtpm.tpm.types.Public;
import org.vtpm.tpm.types.PublicKeyRsa;
import org.vtpm.tpm.types.RsaParms;
import org.vtpm.tpm.types.Sensitive;
import org.vtpm.tpm.types.SensitiveData;
import org.vtpm.tpm.types.SymKey;

/**
 * Bouncy Castle key parameters built from a TPMT_PUBLIC and, for private operations, a
 * TPMT_SENSITIVE: RSA from the modulus and one prime, ECC from the point and the scalar.
 */
public final class KeyMaterial {

    public static final BigInteger DEFAULT_EXPONENT = BigInteger.valueOf(65537);

    private KeyMaterial() {
    }

    public static BigInteger exponent(RsaParms parms) {
        return parms.exponent() == 0 ? DEFAULT_EXPONENT : BigInteger.valueOf(parms.exponent() & 0xFFFF_FFFFL);
    }

    /** The public key of an RSA or ECC object; empty for other types or a malformed key. */
    public static Optional<AsymmetricKeyParameter> publicKey(Public publicArea) {
        if (publicArea.type().equals(AlgId.RSA) && publicArea.unique() instanceof PublicKeyRsa n) {
            return Optional.of(new RSAKeyParameters(false, new BigInteger(1, n.buffer()),
                    exponent((RsaParms) publicArea.parameters())));
        }
        if (publicArea.type().equals(AlgId.ECC) && publicArea.unique() instanceof EccPoint point) {
            Optional<EccCurve> curve = EccCurve.fromCurveId(((EccParms) publicArea.parameters()).curveID().value());
            if (curve.isEmpty()) {
                return Optional.empty();
            }
            try {
                ECPoint q = curve.get().domain().getCurve().validatePoint(new BigInteger(1, point.x().buffer()),
                        new BigInteger(1, point.y().buffer()));
                return Optional.of(new ECPublicKeyParameters(q, curve.get().domain()));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** The private key of an RSA or ECC object whose sensitive area is consistent with its public area. */
    public static Optional<AsymmetricKeyParameter> privateKey(Public publicArea, Sensitive sensitive) {
        if (publicArea.type().equals(AlgId.RSA) && publicArea.unique() instanceof PublicKeyRsa modulus
                && sensitive.sensitive() instanceof PrivateKeyRsa prime) {
            BigInteger n = new BigInteger(1, modulus.buffer());
            BigInteger p = new BigInteger(1, prime.buffer());
            if (p.signum() <= 0 || !n.mod(p).equals(BigInteger.ZERO) || p.equals(BigInteger.ONE) || p.equals(n)) {
                return Optional.empty();
            }
            try {
                return Optional.of(rsaPrivate(n, p, n.divide(p), exponent((RsaParms) publicArea.parameters())));
            } catch (ArithmeticException e) {
                return Optional.empty();
            }
        }
        if (publicArea.type().equals(AlgId.ECC) && sensitive.sensitive() instanceof EccParameter d) {
            Optional<EccCurve> curve = EccCurve.fromCurveId(((EccParms) publicArea.parameters()).curveID().value());
            BigInteger scalar = new BigInteger(1, d.buffer());
            if (curve.isEmpty() || scalar.signum() <= 0 || scalar.compareTo(curve.get().domain().getN()) >= 0) {
                return Optional.empty();
            }
            return Optional.of(new ECPrivateKeyParameters(scalar, curve.get().domain()));
        }
        return Optional.empty();
    }

    /**
     * Whether a sensitive area belongs to a public area: the private key to the public key, or for
     * keyed-hash and symmetric objects, unique = H(seedValue || key).
     */
    public static boolean isPair(Public publicArea, Sensitive sensitive) {
        if (!sensitive.sensitiveType().equals(publicArea.type())) {
            return false;
        }
        if (publicArea.type().equals(AlgId.RSA)) {
            return privateKey(publicArea, sensitive).isPresent();
        }
        if (publicArea.type().equals(AlgId.ECC)) {
            Optional<AsymmetricKeyParameter> d = privateKey(publicArea, sensitive);
            Optional<AsymmetricKeyParameter> q = publicKey(publicArea);
            return d.isPresent() && q.isPresent() && ((ECPrivateKeyParameters) d.get()).getParameters().getG()
                    .multiply(((ECPrivateKeyParameters) d.get()).getD()).normalize()
                    .equals(((ECPublicKeyParameters) q.get()).getQ());
        }
        Optional<HashAlgorithm> nameAlg = HashAlgorithm.fromAlgId(publicArea.nameAlg().value());
        byte[] key = sensitive.sensitive() instanceof SensitiveData data ? data.buffer()
                : sensitive.sensitive() instanceof SymKey sym ? sym.buffer() : null;
        return nameAlg.isPresent() && key != null && publicArea.unique() instanceof Digest unique
                && MessageDigest.isEqual(unique.buffer(), nameAlg.get().hash(sensitive.seedValue().buffer(), key));
    }

    static RSAPrivateCrtKeyParameters rsaPrivate(BigInteger n, BigInteger p, BigInteger q, BigInteger e) {
        BigInteger pm1 = p.subtract(BigInteger.ONE);
        BigInteger qm1 = q.subtract(BigInteger.ONE);
        BigInteger lcm = pm1.multiply(qm1).divide(pm1.gcd(qm1));
        BigInteger d = e.modInverse(lcm);
        return new RSAPrivateCrtKeyParameters(n, e, d, p, q, d.mod(pm1), d.mod(qm1), q.modInverse(p));
    }
}
