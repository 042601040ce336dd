package org.vtpm.manager.host;

import java.time.Instant;

/** A host as the services hand it out: its name, how its pTPM is reached, whether it can receive vTPMs. */
public record HostView(String id, String name, String physicalTpm, boolean local, Instant created) {
}
