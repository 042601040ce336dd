package org.vtpm.tpm.engine.keys;

import java.security.SecureRandom;
import java.util.function.IntFunction;

/**
 * The TPM's own random number generator where Bouncy Castle asks for a {@link SecureRandom} (OAEP
 * and PKCS #1 padding), so that every random byte the engine uses comes from the one DRBG.
 */
final class RandomBytes extends SecureRandom {

    private static final long serialVersionUID = 1L;

    private final transient IntFunction<byte[]> source;

    private RandomBytes(IntFunction<byte[]> source) {
        this.source = source;
    }

    static SecureRandom secureRandom(IntFunction<byte[]> source) {
        return new RandomBytes(source);
    }

    @Override
    public void nextBytes(byte[] bytes) {
        byte[] drawn = source.apply(bytes.length);
        System.arraycopy(drawn, 0, bytes, 0, bytes.length);
    }

    @Override
    public byte[] generateSeed(int numBytes) {
        return source.apply(numBytes);
    }
}
