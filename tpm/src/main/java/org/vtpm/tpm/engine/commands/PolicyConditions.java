package org.vtpm.tpm.engine.commands;

import java.math.BigInteger;
import java.util.Arrays;

import org.vtpm.tpm.crypto.HashAlgorithm;
import org.vtpm.tpm.types.Eo;
import org.vtpm.tpm.wire.TpmWriter;

/**
 * The comparisons of TPM2_PolicyNV and TPM2_PolicyCounterTimer (TPM_EO, Part 2, 6.8): operandA
 * (the TPM's bytes) against operandB (the caller's), both big-endian numbers of the same length.
 */
final class PolicyConditions {

    private PolicyConditions() {
    }

    static boolean holds(Eo operation, byte[] a, byte[] b) {
        int value = operation.value();
        if (value == Eo.EQ.value() || value == Eo.NEQ.value()) {
            return Arrays.equals(a, b) == (value == Eo.EQ.value());
        }
        if (value == Eo.BITSET.value() || value == Eo.BITCLEAR.value()) {
            boolean set = value == Eo.BITSET.value();
            for (int i = 0; i < a.length; i++) {
                if ((a[i] & b[i] & 0xFF) != (set ? b[i] & 0xFF : 0)) {
                    return false;
                }
            }
            return true;
        }
        boolean signed = value == Eo.SIGNED_GT.value() || value == Eo.SIGNED_LT.value()
                || value == Eo.SIGNED_GE.value() || value == Eo.SIGNED_LE.value();
        int order = signed ? signedValue(a).compareTo(signedValue(b)) : new BigInteger(1, a).compareTo(new BigInteger(1, b));
        if (value == Eo.SIGNED_GT.value() || value == Eo.UNSIGNED_GT.value()) {
            return order > 0;
        }
        if (value == Eo.SIGNED_LT.value() || value == Eo.UNSIGNED_LT.value()) {
            return order < 0;
        }
        if (value == Eo.SIGNED_GE.value() || value == Eo.UNSIGNED_GE.value()) {
            return order >= 0;
        }
        return order <= 0;
    }

    private static BigInteger signedValue(byte[] bytes) {
        return bytes.length == 0 ? BigInteger.ZERO : new BigInteger(bytes);
    }

    /** {@code args := H(operandB || offset || operation)}, what both assertions extend the digest with. */
    static byte[] argumentHash(HashAlgorithm hash, byte[] operandB, int offset, Eo operation) {
        return hash.hash(operandB, new TpmWriter(4).writeU16(offset).writeU16(operation.value()).toByteArray());
    }
}
