package org.vtpm.rar.api;

import java.io.Serializable;
import java.util.Objects;

/**
 * Names the TPM a connection talks to: a physical TPM by its name, or a virtual TPM by its id.
 */
public record TpmTarget(Kind kind, String name) implements Serializable {

    /** The physical TPM a connection definition points at when no other name is given. */
    public static final String DEFAULT_PHYSICAL = "default";

    public enum Kind { PHYSICAL, VIRTUAL }

    public TpmTarget {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a TPM target needs a name");
        }
    }

    public static TpmTarget physical(String name) {
        return new TpmTarget(Kind.PHYSICAL, name);
    }

    public static TpmTarget defaultPhysical() {
        return physical(DEFAULT_PHYSICAL);
    }

    public static TpmTarget virtual(String vtpmId) {
        return new TpmTarget(Kind.VIRTUAL, vtpmId);
    }

    @Override
    public String toString() {
        return kind.name().toLowerCase(java.util.Locale.ROOT) + ":" + name;
    }
}
