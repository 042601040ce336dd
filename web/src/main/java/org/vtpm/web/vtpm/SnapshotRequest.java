package org.vtpm.web.vtpm;

/** {@code POST .../snapshots}: an optional name for the snapshot. */
public record SnapshotRequest(String name) {
}
