package org.vtpm.manager.vtpm;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a vTPM is in its life (ARCHITECTURE.md, "vTPM lifecycle"). {@code CREATING} is the
 * short window while its identity is provisioned; a vTPM left in it by a crash is only deletable.
 */
public enum VtpmStatus {
    CREATING, PROVISIONED, RUNNING, SUSPENDED, STOPPED, MIGRATING, DELETED;

    /** The states a vTPM may be in for each operation. */
    public enum Operation {
        START(EnumSet.of(PROVISIONED, STOPPED)),
        STOP(EnumSet.of(RUNNING)),
        SUSPEND(EnumSet.of(RUNNING)),
        RESUME(EnumSet.of(SUSPENDED)),
        SNAPSHOT(EnumSet.of(PROVISIONED, RUNNING, SUSPENDED, STOPPED)),
        RESTORE(EnumSet.of(PROVISIONED, STOPPED)),
        CLONE(EnumSet.of(PROVISIONED, RUNNING, SUSPENDED, STOPPED)),
        MIGRATE(EnumSet.of(PROVISIONED, STOPPED, SUSPENDED)),
        DELETE(EnumSet.of(CREATING, PROVISIONED, RUNNING, SUSPENDED, STOPPED));

        private final Set<VtpmStatus> from;

        Operation(Set<VtpmStatus> from) {
            this.from = from;
        }

        public boolean allowedFrom(VtpmStatus status) {
            return from.contains(status);
        }

        public Set<VtpmStatus> allowedFrom() {
            return Set.copyOf(from);
        }

        public String verb() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
