package org.vtpm.tpm.crypto;

import java.util.Optional;
import java.util.function.Supplier;

import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.digests.SHA1Digest;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.digests.SHA384Digest;
import org.bouncycastle.crypto.digests.SHA512Digest;
import org.bouncycastle.crypto.digests.SM3Digest;

/**
 * The hash algorithms a TPM 2.0 may name by {@code TPM_ALG_ID}, with Bouncy Castle's lightweight
 * digests behind them (no JCA provider lookup on the hot path).
 */
public enum HashAlgorithm {
    SHA1(0x0004, "sha1", 20, 64, SHA1Digest::new),
    SHA256(0x000B, "sha256", 32, 64, SHA256Digest::new),
    SHA384(0x000C, "sha384", 48, 128, SHA384Digest::new),
    SHA512(0x000D, "sha512", 64, 128, SHA512Digest::new),
    SM3_256(0x0012, "sm3_256", 32, 64, SM3Digest::new);

    private final int algId;
    private final String tpmName;
    private final int digestSize;
    private final int blockSize;
    private final Supplier<Digest> factory;

    HashAlgorithm(int algId, String tpmName, int digestSize, int blockSize, Supplier<Digest> factory) {
        this.algId = algId;
        this.tpmName = tpmName;
        this.digestSize = digestSize;
        this.blockSize = blockSize;
        this.factory = factory;
    }

    /** The {@code TPM_ALG_ID} value. */
    public int algId() {
        return algId;
    }

    /** The lower-case name used by tpm2-tools and event-log tooling ("sha256"). */
    public String tpmName() {
        return tpmName;
    }

    public int digestSize() {
        return digestSize;
    }

    public int blockSize() {
        return blockSize;
    }

    /** A fresh, unshared digest instance. */
    public Digest newDigest() {
        return factory.get();
    }

    /** Hashes the concatenation of the given parts. */
    public byte[] hash(byte[]... parts) {
        Digest digest = newDigest();
        for (byte[] part : parts) {
            digest.update(part, 0, part.length);
        }
        byte[] out = new byte[digestSize];
        digest.doFinal(out, 0);
        return out;
    }

    public static Optional<HashAlgorithm> fromAlgId(int algId) {
        for (HashAlgorithm alg : values()) {
            if (alg.algId == algId) {
                return Optional.of(alg);
            }
        }
        return Optional.empty();
    }

    public static Optional<HashAlgorithm> fromTpmName(String name) {
        for (HashAlgorithm alg : values()) {
            if (alg.tpmName.equalsIgnoreCase(name)) {
                return Optional.of(alg);
            }
        }
        return Optional.empty();
    }
}
