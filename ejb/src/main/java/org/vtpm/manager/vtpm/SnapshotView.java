package org.vtpm.manager.vtpm;

import java.time.Instant;

/** A snapshot as the services hand it out. */
public record SnapshotView(String id, String name, long stateVersion, Instant created) {

    static SnapshotView of(Snapshot snapshot) {
        return new SnapshotView(snapshot.getId(), snapshot.getName(), snapshot.getStateVersion(), snapshot.getCreated());
    }
}
