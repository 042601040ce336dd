package org.vtpm.tpm.engine.commands;

import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;

import org.vtpm.tpm.crypto.EccCurve;
import org.vtpm.tpm.crypto.HashAlgorithm;
import org.vtpm.tpm.types.AlgId;
import org.vtpm.tpm.types.AlgProperty;
import org.vtpm.tpm.types.AlgorithmAttributes;

/**
 * The algorithms this engine implements: what commands accept and what TPM_CAP_ALGS reports,
 * from one list so the two cannot disagree.
 */
public final class Algorithms {

    /** The hash algorithms, in TPM_ALG_ID order. */
    public static final List<HashAlgorithm> HASHES = List.of(HashAlgorithm.SHA1, HashAlgorithm.SHA256,
            HashAlgorithm.SHA384);

    /** sizeof(TPMU_HA): the largest digest of an implemented hash. */
    public static final int MAX_DIGEST_SIZE = 48;

    /** Bases for Miller-Rabin tests: they decide how surely a number is prime, not which number is tested. */
    static final SecureRandom MR_BASES = new SecureRandom();

    private static final AlgorithmAttributes ASYMMETRIC = AlgorithmAttributes.ASYMMETRIC;
    private static final AlgorithmAttributes SYMMETRIC = AlgorithmAttributes.SYMMETRIC;
    private static final AlgorithmAttributes HASH = AlgorithmAttributes.HASH;
    private static final AlgorithmAttributes OBJECT = AlgorithmAttributes.OBJECT;
    private static final AlgorithmAttributes SIGNING = AlgorithmAttributes.SIGNING;
    private static final AlgorithmAttributes ENCRYPTING = AlgorithmAttributes.ENCRYPTING;
    private static final AlgorithmAttributes METHOD = AlgorithmAttributes.METHOD;

    private static final List<AlgProperty> PROPERTIES = List.of(
            new AlgProperty(AlgId.RSA, AlgorithmAttributes.of(ASYMMETRIC, OBJECT)),
            new AlgProperty(AlgId.SHA1, HASH),
            new AlgProperty(AlgId.HMAC, AlgorithmAttributes.of(HASH, SIGNING)),
            new AlgProperty(AlgId.AES, SYMMETRIC),
            new AlgProperty(AlgId.MGF1, AlgorithmAttributes.of(HASH, METHOD)),
            new AlgProperty(AlgId.KEYEDHASH, AlgorithmAttributes.of(HASH, OBJECT, SIGNING, ENCRYPTING)),
            new AlgProperty(AlgId.SHA256, HASH),
            new AlgProperty(AlgId.SHA384, HASH),
            new AlgProperty(AlgId.RSASSA, AlgorithmAttributes.of(ASYMMETRIC, SIGNING)),
            new AlgProperty(AlgId.RSAES, AlgorithmAttributes.of(ASYMMETRIC, ENCRYPTING)),
            new AlgProperty(AlgId.RSAPSS, AlgorithmAttributes.of(ASYMMETRIC, SIGNING)),
            new AlgProperty(AlgId.OAEP, AlgorithmAttributes.of(ASYMMETRIC, ENCRYPTING)),
            new AlgProperty(AlgId.ECDSA, AlgorithmAttributes.of(ASYMMETRIC, SIGNING)),
            new AlgProperty(AlgId.ECDH, AlgorithmAttributes.of(ASYMMETRIC, METHOD)),
            new AlgProperty(AlgId.KDF1_SP800_56A, AlgorithmAttributes.of(HASH, METHOD)),
            new AlgProperty(AlgId.KDF1_SP800_108, AlgorithmAttributes.of(HASH, METHOD)),
            new AlgProperty(AlgId.ECC, AlgorithmAttributes.of(ASYMMETRIC, OBJECT)),
            new AlgProperty(AlgId.SYMCIPHER, OBJECT),
            new AlgProperty(AlgId.CTR, AlgorithmAttributes.of(SYMMETRIC, ENCRYPTING)),
            new AlgProperty(AlgId.OFB, AlgorithmAttributes.of(SYMMETRIC, ENCRYPTING)),
            new AlgProperty(AlgId.CBC, AlgorithmAttributes.of(SYMMETRIC, ENCRYPTING)),
            new AlgProperty(AlgId.CFB, AlgorithmAttributes.of(SYMMETRIC, ENCRYPTING)),
            new AlgProperty(AlgId.ECB, AlgorithmAttributes.of(SYMMETRIC, ENCRYPTING)));

    /** The ECC curves, in TPM_ECC_CURVE order. */
    public static final List<EccCurve> CURVES = List.of(EccCurve.NIST_P256, EccCurve.NIST_P384);

    private Algorithms() {
    }

    /** The implemented hash named by {@code alg}, if any. */
    public static Optional<HashAlgorithm> hash(AlgId alg) {
        for (HashAlgorithm hash : HASHES) {
            if (hash.algId() == alg.value()) {
                return Optional.of(hash);
            }
        }
        return Optional.empty();
    }

    /** Every implemented algorithm and its kind, in TPM_ALG_ID order. */
    public static List<AlgProperty> properties() {
        return PROPERTIES;
    }
}
