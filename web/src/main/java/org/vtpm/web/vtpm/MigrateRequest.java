package org.vtpm.web.vtpm;

/** {@code POST .../migrate}: the name of the host the vTPM moves to. */
public record MigrateRequest(String targetHost) {
}
