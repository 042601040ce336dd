package org.vtpm.tpm.engine.keys;

import org.vtpm.tpm.crypto.HashAlgorithm;
import org.vtpm.tpm.crypto.Kdfa;

/**
 * An unbounded, reproducible byte stream from a primary seed: block {@code i} is
 * KDFa(nameAlg, seed, label, H(template), i, 1024). The same seed, label and template always give the
 * same stream, which is what makes primary keys reproducible.
 */
final class DerivationStream {

    private static final int BLOCK_BITS = 1024;

    private final HashAlgorithm alg;
    private final byte[] seed;
    private final String label;
    private final byte[] context;
    private byte[] block = new byte[0];
    private int used;
    private int counter;

    DerivationStream(HashAlgorithm alg, byte[] seed, String label, byte[] context) {
        this.alg = alg;
        this.seed = seed.clone();
        this.label = label;
        this.context = context.clone();
    }

    byte[] next(int length) {
        byte[] out = new byte[length];
        int filled = 0;
        while (filled < length) {
            if (used == block.length) {
                byte[] index = {(byte) (counter >>> 24), (byte) (counter >>> 16), (byte) (counter >>> 8), (byte) counter};
                block = Kdfa.derive(alg, seed, label, context, index, BLOCK_BITS);
                used = 0;
                counter++;
            }
            int n = Math.min(length - filled, block.length - used);
            System.arraycopy(block, used, out, filled, n);
            used += n;
            filled += n;
        }
        return out;
    }
}
