package org.vtpm.tpm.engine.commands;

import java.util.Arrays;

/** Part 1, 19.6.4: trailing zeros of an authValue are not significant, so they are dropped on entry. */
public final class AuthValues {

    private AuthValues() {
    }

    public static byte[] trimTrailingZeros(byte[] value) {
        int end = value.length;
        while (end > 0 && value[end - 1] == 0) {
            end--;
        }
        return end == value.length ? value : Arrays.copyOf(value, end);
    }
}
