package org.vtpm.rar.api;

import java.util.Optional;
import java.util.Set;

/**
 * Runs vTPMs inside the adapter: started from their state bytes, served to their VM on a socket
 * front end and to applications through the {@code java:/eis/tpm/virtual} connection definition,
 * and stopped handing back their final state. Bound as an administered object
 * ({@code java:/eis/tpm/host}).
 *
 * <p>While a vTPM runs, every change to its permanent state (NV, persistent objects, hierarchy
 * settings) is delivered to the application's {@link VtpmStateListener} before the command that
 * made it is answered, so the application's store stays the source of truth.
 */
public interface VtpmHost {

    /**
     * Starts a vTPM. An empty {@link VtpmState#permanent()} manufactures a new TPM (new seeds);
     * a volatile state resumes a suspended one exactly where it stopped.
     *
     * @throws TpmResourceException if it runs already, or the state cannot be loaded
     */
    void start(String vtpmId, VtpmState state) throws TpmResourceException;

    /** Stops a vTPM orderly and returns its final state (permanent only: a stopped TPM loses its volatile state). */
    VtpmState stop(String vtpmId) throws TpmResourceException;

    /** Stops a vTPM keeping its volatile state (PCRs, loaded objects, sessions) for a later resume. */
    VtpmState suspend(String vtpmId) throws TpmResourceException;

    boolean isRunning(String vtpmId);

    Set<String> running();

    /**
     * Serves a running vTPM on a socket (swtpm data + control channels, or mssim), on loopback
     * unless the adapter is configured otherwise; the port closes when the vTPM stops.
     */
    VtpmEndpoint expose(String vtpmId, VtpmEndpoint.Protocol protocol) throws TpmResourceException;

    Optional<VtpmEndpoint> endpoint(String vtpmId);
}
