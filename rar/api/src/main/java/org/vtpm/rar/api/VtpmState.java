package org.vtpm.rar.api;

import java.util.Arrays;
import java.util.Optional;

/**
 * A vTPM's state as plaintext bytes in the engine's versioned format. It holds seeds and keys:
 * it exists only in memory, is encrypted before it is stored, and never prints.
 *
 * @param permanent     seeds, hierarchies, NV indices, persistent objects; empty for a new TPM
 * @param volatileState loaded objects, sessions, PCRs of a suspended TPM, if any
 */
public record VtpmState(byte[] permanent, Optional<byte[]> volatileState) {

    public VtpmState {
        permanent = permanent.clone();
        volatileState = volatileState.map(byte[]::clone);
    }

    /** A TPM yet to be manufactured. */
    public static VtpmState fresh() {
        return new VtpmState(new byte[0], Optional.empty());
    }

    public static VtpmState of(byte[] permanent) {
        return new VtpmState(permanent, Optional.empty());
    }

    @Override
    public byte[] permanent() {
        return permanent.clone();
    }

    @Override
    public Optional<byte[]> volatileState() {
        return volatileState.map(byte[]::clone);
    }

    public boolean isFresh() {
        return permanent.length == 0;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof VtpmState that
                && Arrays.equals(permanent, that.permanent)
                && Arrays.equals(volatileState.orElse(null), that.volatileState.orElse(null));
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(permanent) + Arrays.hashCode(volatileState.orElse(null));
    }

    @Override
    public String toString() {
        return "VtpmState[permanent=" + permanent.length + " bytes, volatile="
                + volatileState.map(bytes -> bytes.length + " bytes").orElse("none") + "]";
    }
}
