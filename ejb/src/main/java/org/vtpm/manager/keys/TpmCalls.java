package org.vtpm.manager.keys;

import java.io.IOException;

import org.vtpm.tpm.client.Session;
import org.vtpm.tpm.client.Tpm;
import org.vtpm.tpm.command.FlushContext;
import org.vtpm.tpm.command.TpmCommand;
import org.vtpm.tpm.command.TpmResponse;
import org.vtpm.tpm.types.Handle;
import org.vtpm.tpm.wire.TpmException;

/**
 * Runs TPM commands for this package, turning a TPM's refusal or a malformed response into a
 * {@link KeyProtectionException} that says what the manager was doing; transport failures stay
 * {@link IOException}s, as the TPM may answer again later.
 */
final class TpmCalls {

    private TpmCalls() {
    }

    static <R extends TpmResponse> R execute(Tpm tpm, String purpose, TpmCommand<R> command, Session... sessions)
            throws KeyProtectionException, IOException {
        try {
            return tpm.execute(command, sessions);
        } catch (TpmException e) {
            throw failed(purpose, e);
        }
    }

    static KeyProtectionException failed(String purpose, TpmException e) {
        return new KeyProtectionException(purpose + " failed: " + e.rc(), e);
    }

    /** Unloads a transient object or session. */
    static void flush(Tpm tpm, Handle handle) throws KeyProtectionException, IOException {
        execute(tpm, "flushing " + handle, new FlushContext(handle));
    }
}
