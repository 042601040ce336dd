package org.vtpm.tpm.engine.state;

import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.digests.EncodableDigest;
import org.bouncycastle.crypto.digests.SHA1Digest;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.digests.SHA384Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.util.Memoable;
import org.vtpm.tpm.crypto.HashAlgorithm;
import org.vtpm.tpm.types.TpmLimits;
import org.vtpm.tpm.wire.TpmFormatException;
import org.vtpm.tpm.wire.TpmReader;
import org.vtpm.tpm.wire.TpmRc;
import org.vtpm.tpm.wire.TpmWriter;

/**
 * An HMAC sequence object (TPM2_HMAC_Start): the key it was started with and the running inner
 * digest. Saving the inner digest's state (the key's inner pad already hashed in) with the key is
 * enough to resume it, as the reference implementation keeps an HMAC state.
 */
public final class HmacSequence implements Sequence {

    private static final int MAX_DIGEST_STATE = 512;

    private final byte[] authValue;
    private final HashAlgorithm hash;
    private final byte[] key;
    private final HMac mac;

    private HmacSequence(byte[] authValue, HashAlgorithm hash, byte[] key, HMac mac) {
        this.authValue = authValue;
        this.hash = hash;
        this.key = key;
        this.mac = mac;
    }

    /** A sequence computing HMAC-{@code hash} with {@code key}, authorized by {@code authValue}. */
    public static HmacSequence start(byte[] authValue, HashAlgorithm hash, byte[] key) {
        return new HmacSequence(authValue.clone(), hash, key.clone(), keyed(hash.newDigest(), key));
    }

    private static HMac keyed(Digest digest, byte[] key) {
        HMac mac = new HMac(digest);
        mac.init(new KeyParameter(key));
        return mac;
    }

    @Override
    public byte[] authValue() {
        return authValue.clone();
    }

    @Override
    public boolean isDaExempt() {
        return true;
    }

    public HashAlgorithm hash() {
        return hash;
    }

    @Override
    public void update(byte[] data) {
        mac.update(data, 0, data.length);
    }

    /** The HMAC of everything added; the sequence is spent. */
    public byte[] finish() {
        byte[] out = new byte[mac.getMacSize()];
        mac.doFinal(out, 0);
        return out;
    }

    @Override
    public void write(TpmWriter out) {
        StateFields.writeBytes(out, authValue);
        out.writeU16(hash.algId());
        StateFields.writeBytes(out, key);
        StateFields.writeBytes(out, ((EncodableDigest) mac.getUnderlyingDigest()).getEncodedState());
    }

    static HmacSequence read(TpmReader in) throws TpmFormatException {
        byte[] authValue = StateFields.readBytes(in, HashAlgorithm.SHA512.digestSize());
        int alg = in.readU16();
        HashAlgorithm hash = PcrBanks.bank(alg)
                .orElseThrow(() -> new TpmFormatException(TpmRc.HASH, "HMAC hash 0x" + Integer.toHexString(alg)));
        byte[] key = StateFields.readBytes(in, TpmLimits.MAX_SYM_DATA);
        byte[] encoded = StateFields.readBytes(in, MAX_DIGEST_STATE);
        HMac mac = keyed(hash.newDigest(), key);
        try {
            ((Memoable) mac.getUnderlyingDigest()).reset(innerDigest(hash, encoded));
        } catch (RuntimeException e) {
            throw new TpmFormatException(TpmRc.INTEGRITY, "HMAC state of " + hash + ": " + e.getMessage());
        }
        return new HmacSequence(authValue, hash, key, mac);
    }

    private static Memoable innerDigest(HashAlgorithm hash, byte[] encoded) throws TpmFormatException {
        return switch (hash) {
            case SHA1 -> new SHA1Digest(encoded);
            case SHA256 -> new SHA256Digest(encoded);
            case SHA384 -> new SHA384Digest(encoded);
            default -> throw new TpmFormatException(TpmRc.HASH, "HMAC hash " + hash);
        };
    }
}
