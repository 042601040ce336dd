package org.vtpm.tpm.engine.state;

import java.security.SecureRandom;

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
 * working state is therefore deliberately not saved.
 */
public final class RandomSource {

    public static final int SEED_SIZE = 32;
    private static final int SECURITY_STRENGTH = 256;

    private final byte[] personalization;
    private final HashSP800DRBG drbg;

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
        if (length > 0 && drbg.generate(out, null, false) < 0) {
            drbg.reseed(null);
            drbg.generate(out, null, false);
        }
        return out;
    }

    /** TPM2_StirRandom: mixes caller data into the DRBG as additional input of a reseed. */
    public void stir(byte[] additionalInput) {
        drbg.reseed(additionalInput);
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
