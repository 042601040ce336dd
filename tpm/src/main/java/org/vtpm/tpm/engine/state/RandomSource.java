package org.vtpm.tpm.engine.state;

import java.security.SecureRandom;
import java.util.Arrays;

import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.prng.BasicEntropySourceProvider;
import org.bouncycastle.crypto.prng.EntropySource;
import org.bouncycastle.crypto.prng.drbg.HashSP800DRBG;
import org.vtpm.tpm.wire.TpmFormatException;
import org.vtpm.tpm.wire.TpmReader;
import org.vtpm.tpm.wire.TpmWriter;

/**
 * The engine's own SP 800-90A Hash_DRBG (SHA-256). It is personalized with seed material kept in
 * the state, so two engines never share a stream, and instantiated with fresh entropy each time an
 * engine is built: a state restored twice (a snapshot, say) still never repeats its nonces. Its
 * working state is therefore deliberately not saved. Output is drawn from the DRBG a pool at a
 * time, since one Hash_DRBG call costs as much as a whole small command.
 */
public final class RandomSource {

    public static final int SEED_SIZE = 32;
    private static final int SECURITY_STRENGTH = 256;
    private static final int POOL_SIZE = 1024;

    private final byte[] personalization;
    private final HashSP800DRBG drbg;
    private final byte[] pool = new byte[POOL_SIZE];
    private int used = POOL_SIZE;

    private RandomSource(byte[] personalization, SecureRandom entropy) {
        this.personalization = personalization;
        EntropySource source = new BasicEntropySourceProvider(entropy, true).get(SECURITY_STRENGTH);
        byte[] nonce = new byte[SECURITY_STRENGTH / 16];
        entropy.nextBytes(nonce);
        this.drbg = new HashSP800DRBG(new SHA256Digest(), SECURITY_STRENGTH, source, personalization, nonce);
    }

    public static RandomSource manufacture(SecureRandom entropy) {
        byte[] seed = new byte[SEED_SIZE];
        entropy.nextBytes(seed);
        return new RandomSource(seed, entropy);
    }

    public byte[] generate(int length) {
        byte[] out = new byte[length];
        int filled = 0;
        while (filled < length) {
            if (used == POOL_SIZE) {
                refill();
            }
            int n = Math.min(length - filled, POOL_SIZE - used);
            System.arraycopy(pool, used, out, filled, n);
            Arrays.fill(pool, used, used + n, (byte) 0);
            used += n;
            filled += n;
        }
        return out;
    }

    private void refill() {
        if (drbg.generate(pool, null, false) < 0) {
            drbg.reseed(null);
            drbg.generate(pool, null, false);
        }
        used = 0;
    }

    /** TPM2_StirRandom: mixes caller data into the DRBG as additional input of a reseed; the pool is discarded. */
    public void stir(byte[] additionalInput) {
        drbg.reseed(additionalInput);
        Arrays.fill(pool, (byte) 0);
        used = POOL_SIZE;
    }

    public void write(TpmWriter out) {
        StateFields.writeBytes(out, personalization);
    }

    public static RandomSource read(StateReader.Section section, SecureRandom entropy) throws TpmFormatException {
        TpmReader in = section.body();
        byte[] seed = StateFields.readBytesExactly(in, SEED_SIZE);
        in.requireEnd();
        return new RandomSource(seed, entropy);
    }
}
