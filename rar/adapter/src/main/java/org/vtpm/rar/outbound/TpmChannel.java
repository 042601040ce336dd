package org.vtpm.rar.outbound;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.vtpm.rar.api.TpmCommandException;
import org.vtpm.rar.api.TpmResourceException;
import org.vtpm.rar.api.TpmTarget;
import org.vtpm.rar.api.TpmUnavailableException;
import org.vtpm.tpm.client.Session;
import org.vtpm.tpm.client.Tpm;
import org.vtpm.tpm.command.TpmCommand;
import org.vtpm.tpm.command.TpmResponse;
import org.vtpm.tpm.transport.TpmTransport;
import org.vtpm.tpm.wire.TpmException;

/**
 * The one transport to one TPM that all pooled connections to it share. A TPM runs one command
 * at a time, and swtpm serves a single client socket at a time, so commands are serialized here.
 * Borrowers take the TPM in turns through its lease: a borrower's objects and sessions are its
 * own until it gives the TPM back, flushed, to the next.
 */
final class TpmChannel implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(TpmChannel.class.getName());

    private final TpmTarget target;
    private final TpmTransport transport;
    private final Tpm tpm;
    private final Semaphore lease = new Semaphore(1, true);
    private volatile boolean failed;

    TpmChannel(TpmTarget target, TpmTransport transport) {
        this.target = target;
        this.transport = transport;
        this.tpm = new Tpm(transport);
    }

    TpmTarget target() {
        return target;
    }

    /** A transport failure leaves the stream unusable; the factory opens a new channel. */
    boolean failed() {
        return failed;
    }

    void acquireLease(Duration timeout) throws TpmResourceException {
        try {
            if (!lease.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new TpmResourceException(target + " stayed in use by another borrower for " + timeout.toMillis()
                        + " ms; a TPM serves one borrower at a time");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TpmResourceException("interrupted while waiting for " + target, e);
        }
    }

    void releaseLease() {
        lease.release();
    }

    synchronized byte[] transmit(byte[] command) throws TpmUnavailableException {
        try {
            return transport.transmit(command);
        } catch (IOException e) {
            throw fail(e);
        }
    }

    synchronized <R extends TpmResponse> R execute(TpmCommand<R> command, Session... sessions)
            throws TpmResourceException {
        try {
            return tpm.execute(command, sessions);
        } catch (org.vtpm.tpm.client.TpmCommandException e) {
            throw new TpmCommandException(e.code().toString(), e.rc());
        } catch (TpmException e) {
            // A response we cannot parse means the stream is no longer trustworthy.
            throw fail(e);
        } catch (IOException e) {
            throw fail(e);
        }
    }

    private TpmUnavailableException fail(Exception cause) {
        failed = true;
        return new TpmUnavailableException(target + " did not answer properly: " + cause.getMessage(), cause);
    }

    @Override
    public void close() {
        try {
            transport.close();
        } catch (IOException e) {
            LOG.log(Level.FINE, "closing the transport to " + target + " failed", e);
        }
    }
}
