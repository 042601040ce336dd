package org.vtpm.tpm.types;

import org.vtpm.tpm.wire.Check;

/** TPMS_AUTH_COMMAND: one session's authorization in a command. */
public record AuthCommand(
        @Check(Tpmi.ShAuthSession.class) Handle sessionHandle,
        Nonce nonce,
        SessionAttributes sessionAttributes,
        Auth hmac) {
}
