package org.vtpm.tpm.eventlog;

import java.util.Objects;

/**
 * An EV_NO_ACTION event other than the Spec ID and StartupLocality headers (such as
 * "SP800-155 Event" or "NvIndexInstance"), known by the signature its data starts with.
 */
public record NoActionEvent(String signature) implements EventData {

    public NoActionEvent {
        Objects.requireNonNull(signature, "signature");
    }
}
