package org.vtpm.tpm.engine.keys;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import org.bouncycastle.math.Primes;
import org.bouncycastle.math.ec.ECPoint;
import org.vtpm.tpm.crypto.EccCurve;
import org.vtpm.tpm.crypto.HashAlgorithm;
import org.vtpm.tpm.types.AlgId;
import org.vtpm.tpm.types.Auth;
import org.vtpm.tpm.types.Digest;
import org.vtpm.tpm.types.EccParameter;
import org.vtpm.tpm.types.EccParms;
import org.vtpm.tpm.types.EccPoint;
import org.vtpm.tpm.types.KeyBits;
import org.vtpm.tpm.types.ObjectAttributes;
import org.vtpm.tpm.types.PrivateKeyRsa;
import org.vtpm.tpm.types.Public;
import org.vtpm.tpm.types.PublicIdUnion;
import org.vtpm.tpm.types.PublicKeyRsa;
import org.vtpm.tpm.types.RsaParms;
import org.vtpm.tpm.types.Sensitive;
import org.vtpm.tpm.types.SensitiveCompositeUnion;
import org.vtpm.tpm.types.SensitiveData;
import org.vtpm.tpm.types.SymCipherParms;
import org.vtpm.tpm.types.SymKey;
import org.vtpm.tpm.wire.Codecs;

/**
 * Primary objects derived from a hierarchy's seed (Part 1, 27.2.4 and 28.3): the same template and
 * sensitive data under the same seed always give the same object, RSA included, because every
 * secret, the RSA prime search too, draws from a {@link DerivationStream} of seed and template.
 *
 * <p>Deriving an RSA key means searching for two primes (tens of milliseconds for 2048 bits), so
 * results are kept in a small per-engine cache keyed by a digest of seed, template and sensitive
 * data; a seed change (the null seed at each TPM Reset) thereby misses it.
 */
public final class PrimaryKeys {

    private static final int CACHE_SIZE = 16;
    private static final int MILLER_RABIN_ROUNDS = 40;
    /** Bases for Miller-Rabin: they decide only how surely a prime is one, not which number is found. */
    private static final SecureRandom MR_BASES = new SecureRandom();

    /** A derived object: its public area with {@code unique} filled in, and its sensitive area. */
    public record Derived(Public publicArea, Sensitive sensitive) {
    }

    private final Map<String, Derived> cache = new LinkedHashMap<>(CACHE_SIZE, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Derived> eldest) {
            return size() > CACHE_SIZE;
        }
    };

    /**
     * Derives the object a validated template describes.
     *
     * @param nameAlg the template's name algorithm
     * @param data the caller's sensitive data: the key of a keyed-hash or symmetric object, or sealed data
     */
    public Derived derive(byte[] seed, Public template, HashAlgorithm nameAlg, byte[] authValue, byte[] data) {
        byte[] templateBytes = Codecs.marshal(template);
        String key = HexFormat.of().formatHex(HashAlgorithm.SHA256.hash(seed, templateBytes, data));
        Derived derived = cache.get(key);
        if (derived == null) {
            derived = compute(seed, template, nameAlg, nameAlg.hash(templateBytes), data);
            cache.put(key, derived);
        }
        Sensitive s = derived.sensitive();
        return new Derived(derived.publicArea(),
                new Sensitive(s.sensitiveType(), new Auth(authValue), s.seedValue(), s.sensitive()));
    }

    /**
     * An ordinary object (TPM2_Create): made like a primary, but from fresh random seed material,
     * so it is not reproducible and not cached.
     */
    public static Derived generate(byte[] randomSeed, Public template, HashAlgorithm nameAlg, byte[] authValue,
            byte[] data) {
        Derived derived = compute(randomSeed, template, nameAlg, nameAlg.hash(Codecs.marshal(template)), data);
        Sensitive s = derived.sensitive();
        return new Derived(derived.publicArea(),
                new Sensitive(s.sensitiveType(), new Auth(authValue), s.seedValue(), s.sensitive()));
    }

    private static Derived compute(byte[] seed, Public template, HashAlgorithm nameAlg, byte[] templateDigest,
            byte[] data) {
        DerivationStream stream = new DerivationStream(nameAlg, seed, "vTPM primary", templateDigest);
        boolean parent = template.objectAttributes().has(ObjectAttributes.RESTRICTED)
                && template.objectAttributes().has(ObjectAttributes.DECRYPT);
        byte[] seedValue = parent || template.type().equals(AlgId.KEYEDHASH) || template.type().equals(AlgId.SYMCIPHER)
                ? stream.next(nameAlg.digestSize())
                : new byte[0];
        PublicIdUnion unique;
        SensitiveCompositeUnion secret;
        if (template.type().equals(AlgId.RSA)) {
            RsaParms parms = (RsaParms) template.parameters();
            BigInteger e = KeyMaterial.exponent(parms);
            int half = parms.keyBits() / 2;
            BigInteger p;
            BigInteger q;
            do {
                p = prime(stream, half, e);
                q = prime(stream, half, e);
            } while (p.multiply(q).bitLength() != parms.keyBits() || p.subtract(q).abs().bitLength() < half - 100);
            unique = new PublicKeyRsa(Sizes.unsigned(p.multiply(q), parms.keyBits() / 8));
            secret = new PrivateKeyRsa(Sizes.unsigned(p, half / 8));
        } else if (template.type().equals(AlgId.ECC)) {
            EccCurve curve = EccCurve.fromCurveId(((EccParms) template.parameters()).curveID().value()).orElseThrow();
            BigInteger n = curve.domain().getN();
            BigInteger d = new BigInteger(1, stream.next(curve.coordinateSize() + 8))
                    .mod(n.subtract(BigInteger.ONE)).add(BigInteger.ONE);
            ECPoint q = curve.domain().getG().multiply(d).normalize();
            int size = curve.coordinateSize();
            unique = new EccPoint(new EccParameter(Sizes.unsigned(q.getAffineXCoord().toBigInteger(), size)),
                    new EccParameter(Sizes.unsigned(q.getAffineYCoord().toBigInteger(), size)));
            secret = new EccParameter(Sizes.unsigned(d, size));
        } else if (template.type().equals(AlgId.SYMCIPHER)) {
            int bits = ((KeyBits) ((SymCipherParms) template.parameters()).sym().keyBits()).value();
            byte[] key = data.length > 0 ? data : stream.next(bits / 8);
            unique = new Digest(nameAlg.hash(seedValue, key));
            secret = new SymKey(key);
        } else {
            byte[] key = data.length > 0 ? data : stream.next(nameAlg.digestSize());
            unique = new Digest(nameAlg.hash(seedValue, key));
            secret = new SensitiveData(key);
        }
        Public publicArea = new Public(template.type(), template.nameAlg(), template.objectAttributes(),
                template.authPolicy(), template.parameters(), unique);
        return new Derived(publicArea, new Sensitive(template.type(), Auth.EMPTY, new Digest(seedValue), secret));
    }

    /**
     * The first probable prime at or after a candidate drawn from the stream, with the top two bits
     * set (so that p·q has the full length) and p-1 prime to the exponent.
     */
    private static BigInteger prime(DerivationStream stream, int bits, BigInteger e) {
        byte[] raw = stream.next(bits / 8);
        raw[0] |= (byte) 0xC0;
        raw[raw.length - 1] |= 1;
        BigInteger candidate = new BigInteger(1, raw);
        while (true) {
            if (!Primes.hasAnySmallFactors(candidate)
                    && candidate.subtract(BigInteger.ONE).gcd(e).equals(BigInteger.ONE)
                    && Primes.isMRProbablePrime(candidate, MR_BASES, MILLER_RABIN_ROUNDS)) {
                return candidate;
            }
            candidate = candidate.add(BigInteger.TWO);
        }
    }
}
