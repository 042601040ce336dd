package org.vtpm.tpm.command;

import java.util.Arrays;

import org.vtpm.tpm.wire.TpmFormatException;
import org.vtpm.tpm.wire.TpmRc;

/**
 * The buffer of a parameter area's leading TPM2B, the only part session-based parameter
 * encryption transforms (Part 1, 21): clients encrypt it in commands and decrypt it in responses,
 * the engine the other way round. Only meaningful when {@link CommandSpec#commandEncryptable} or
 * {@link CommandSpec#responseEncryptable} holds.
 */
public final class FirstParameter {

    private FirstParameter() {
    }

    /** The contents of the leading TPM2B, without its size field. */
    public static byte[] contents(byte[] parameterArea) throws TpmFormatException {
        if (parameterArea.length < 2) {
            throw new TpmFormatException(TpmRc.INSUFFICIENT, "no room for the first parameter's size");
        }
        int size = (parameterArea[0] & 0xFF) << 8 | (parameterArea[1] & 0xFF);
        if (size > parameterArea.length - 2) {
            throw new TpmFormatException(TpmRc.INSUFFICIENT.withParameter(1), "first parameter of " + size
                    + " bytes in " + parameterArea.length);
        }
        return Arrays.copyOfRange(parameterArea, 2, 2 + size);
    }

    /** A copy of the parameter area with the leading TPM2B's contents replaced by ones of equal size. */
    public static byte[] replace(byte[] parameterArea, byte[] contents) throws TpmFormatException {
        byte[] old = contents(parameterArea);
        if (old.length != contents.length) {
            throw new IllegalArgumentException("parameter encryption changed the size from " + old.length
                    + " to " + contents.length);
        }
        byte[] out = parameterArea.clone();
        System.arraycopy(contents, 0, out, 2, contents.length);
        return out;
    }
}
