package org.vtpm.rar.outbound;

import java.util.Objects;

import jakarta.resource.spi.ConnectionRequestInfo;

import org.vtpm.rar.api.TpmTarget;

/** The pool's matching key: connections are only shared between borrowers of the same target. */
final class TpmConnectionRequest implements ConnectionRequestInfo {

    private final TpmTarget target;

    TpmConnectionRequest(TpmTarget target) {
        this.target = Objects.requireNonNull(target, "target");
    }

    TpmTarget target() {
        return target;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TpmConnectionRequest request && request.target.equals(target);
    }

    @Override
    public int hashCode() {
        return target.hashCode();
    }

    @Override
    public String toString() {
        return target.toString();
    }
}
