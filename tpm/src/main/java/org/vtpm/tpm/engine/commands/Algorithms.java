package org.vtpm.tpm.engine.commands;

import java.util.List;
import java.util.Optional;

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

    private static final List<AlgProperty> PROPERTIES = List.of(
            new AlgProperty(AlgId.SHA1, AlgorithmAttributes.HASH),
            new AlgProperty(AlgId.SHA256, AlgorithmAttributes.HASH),
            new AlgProperty(AlgId.SHA384, AlgorithmAttributes.HASH));

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
