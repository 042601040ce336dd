package org.vtpm.tpm.engine;

import java.security.SecureRandom;
import java.util.List;
import java.util.function.LongSupplier;

import org.bouncycastle.crypto.Digest;

import org.vtpm.tpm.command.ResponseFraming;
import org.vtpm.tpm.crypto.HashAlgorithm;
import org.vtpm.tpm.engine.state.EngineState;
import org.vtpm.tpm.engine.state.PcClientPcrs;
import org.vtpm.tpm.engine.state.PcrBanks;
import org.vtpm.tpm.engine.state.ShutdownState;
import org.vtpm.tpm.engine.state.StateFormatException;
import org.vtpm.tpm.transport.TpmCommandProcessor;
import org.vtpm.tpm.wire.TpmRc;

/**
 * A software TPM 2.0: one TPM's state and the engine that runs commands on it. Commands run one at
 * a time (every public method is synchronized); engines share no mutable state, so different
 * engines run in parallel.
 *
 * <p>Besides {@link #process}, the methods here are the platform's side of the TPM (what a
 * hypervisor or swtpm's control channel does to it): {@link #tpmInit} (_TPM_Init), the D-RTM
 * sequence ({@link #hashStart}, {@link #hashData}, {@link #hashEnd}), the TPM-established flag,
 * and saving and restoring the whole state.
 */
public final class Engine implements TpmCommandProcessor {

    /** The D-RTM PCR that _TPM_Hash_End extends. */
    private static final int DRTM_PCR = 17;
    private static final int DRTM_LOCALITY = 4;
    private static final long NANOS_PER_MILLI = 1_000_000L;

    private final EngineState state;
    private final Dispatcher dispatcher;
    private final LongSupplier nanoTime;
    private long lastTick;
    private List<Digest> drtmDigests;

    private Engine(EngineState state, LongSupplier nanoTime) {
        this.state = state;
        this.dispatcher = new Dispatcher(state);
        this.nanoTime = nanoTime;
        this.lastTick = nanoTime.getAsLong();
    }

    /**
     * A new TPM with fresh primary seeds and proofs drawn from {@code entropy}, powered on
     * (_TPM_Init done) and waiting for TPM2_Startup.
     */
    public static Engine manufacture(SecureRandom entropy) {
        return new Engine(EngineState.manufacture(entropy), System::nanoTime);
    }

    /** An engine continuing exactly where the one that produced {@code state} with {@link #saveState} stopped. */
    public static Engine restore(byte[] state) throws StateFormatException {
        return restore(state, new SecureRandom());
    }

    /**
     * As {@link #restore(byte[])}.
     *
     * @param entropy instantiates the engine's random number generator (whose working state is not saved)
     */
    public static Engine restore(byte[] state, SecureRandom entropy) throws StateFormatException {
        return new Engine(EngineState.restore(state, entropy), System::nanoTime);
    }

    /**
     * Executes one command and answers with its response. Every input, however malformed, gets a
     * well-formed response; nothing is thrown.
     *
     * @param locality 0..4; other values are answered with TPM_RC_LOCALITY
     */
    @Override
    public synchronized byte[] process(int locality, byte[] command) {
        tick();
        try {
            return dispatcher.process(locality, command);
        } catch (RuntimeException e) {
            // An engine defect must not reach the caller's thread; the TPM answers as a failed TPM would.
            return ResponseFraming.error(TpmRc.FAILURE);
        }
    }

    /** The whole TPM, permanent and volatile, in the versioned state format. */
    public synchronized byte[] saveState() {
        return state.save();
    }

    /**
     * _TPM_Init: the platform reset or powered on the TPM. The next command must be TPM2_Startup,
     * which resumes from the last TPM2_Shutdown if there was one.
     */
    public synchronized void tpmInit() {
        tick();
        state.clock().init(state.power().shutdown() != ShutdownState.NONE);
        state.power().init();
        state.objects().clear();
        state.sessions().clear();
        drtmDigests = null;
    }

    /** Whether TPM2_Startup has run since the last _TPM_Init. */
    public synchronized boolean isStarted() {
        return state.power().isStarted();
    }

    /** How the TPM was last shut down, which decides what the next TPM2_Startup may resume. */
    public synchronized ShutdownState shutdownState() {
        return state.power().shutdown();
    }

    /** TPM_ACCESS.tpmEstablishment: set since a D-RTM sequence ran, until reset from locality 3 or 4. */
    public synchronized boolean tpmEstablished() {
        return state.power().tpmEstablished();
    }

    /**
     * Clears the TPM-established flag, which only localities 3 and 4 may do.
     *
     * @return false (and nothing changes) for a lower locality
     */
    public synchronized boolean resetTpmEstablished(int locality) {
        if (locality != 3 && locality != DRTM_LOCALITY) {
            return false;
        }
        state.power().tpmEstablished(false);
        return true;
    }

    /**
     * _TPM_Hash_Start: a D-RTM event at locality 4. Resets PCRs 17..22 to zero, sets the
     * TPM-established flag and starts hashing the measured code.
     */
    public synchronized void hashStart() {
        tick();
        for (int pcr = 0; pcr < PcClientPcrs.COUNT; pcr++) {
            if (PcClientPcrs.isDrtm(pcr)) {
                state.pcrs().resetPcr(pcr);
            }
        }
        state.power().tpmEstablished(true);
        drtmDigests = PcrBanks.BANKS.stream().map(HashAlgorithm::newDigest).toList();
    }

    /**
     * _TPM_Hash_Data: more of the measured code.
     *
     * @return false (ignored) when no _TPM_Hash_Start preceded it
     */
    public synchronized boolean hashData(byte[] data) {
        if (drtmDigests == null) {
            return false;
        }
        for (Digest digest : drtmDigests) {
            digest.update(data, 0, data.length);
        }
        return true;
    }

    /**
     * _TPM_Hash_End: extends PCR 17 in every bank with the digest of the measured code.
     *
     * @return false (ignored) when no _TPM_Hash_Start preceded it
     */
    public synchronized boolean hashEnd() {
        if (drtmDigests == null) {
            return false;
        }
        for (int b = 0; b < PcrBanks.BANKS.size(); b++) {
            Digest digest = drtmDigests.get(b);
            byte[] out = new byte[digest.getDigestSize()];
            digest.doFinal(out, 0);
            state.pcrs().extend(PcrBanks.BANKS.get(b), DRTM_PCR, out);
        }
        drtmDigests = null;
        return true;
    }

    private void tick() {
        long now = nanoTime.getAsLong();
        long elapsed = (now - lastTick) / NANOS_PER_MILLI;
        lastTick += elapsed * NANOS_PER_MILLI;
        state.clock().tick(elapsed);
    }
}
