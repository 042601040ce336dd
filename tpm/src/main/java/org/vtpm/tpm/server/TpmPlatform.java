package org.vtpm.tpm.server;

import java.io.IOException;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

import org.vtpm.tpm.transport.TpmFrames;
import org.vtpm.tpm.transport.swtpm.BufferSize;
import org.vtpm.tpm.transport.swtpm.PtmException;
import org.vtpm.tpm.transport.swtpm.StateBlobType;
import org.vtpm.tpm.wire.TpmRc;

/**
 * The platform around one {@link TpmDevice}: power, the locality of the TPM interface, the I/O
 * buffer size and the state store, with the semantics of swtpm's control channel. Every socket
 * protocol drives the device through this class.
 *
 * <p>All methods are synchronized: commands to one TPM run one at a time, in arrival order, and
 * a control operation never runs in the middle of a command. After every command whose device
 * reports a new {@linkplain TpmDevice#permanentStateGeneration() state generation} the permanent
 * state goes to the store before the response leaves, so an answered NV write survives a crash.
 */
public final class TpmPlatform implements AutoCloseable {

    /** Highest locality of the TPM interface (PC Client TIS); mssim's extended localities are refused. */
    public static final int MAX_LOCALITY = 4;

    /** The smallest I/O buffer {@link #setBufferSize} grants: room for any command a TPM 2.0 must take. */
    public static final int MIN_BUFFER_SIZE = 1024;

    private static final System.Logger LOG = System.getLogger(TpmPlatform.class.getName());

    private final TpmDevice device;
    private final StateStore store;
    private final int maxBufferSize;
    private boolean running;
    private int locality;
    private int bufferSize = TpmFrames.DEFAULT_MAX_RESPONSE_SIZE;
    private long persistedGeneration;
    private byte[] persistedState;

    /**
     * @param maxBufferSize the largest I/O buffer a client may ask for, which bounds every frame
     *                      the servers read; at least the default of 4096
     */
    public TpmPlatform(TpmDevice device, StateStore store, int maxBufferSize) {
        this.device = Objects.requireNonNull(device, "device");
        this.store = Objects.requireNonNull(store, "store");
        if (maxBufferSize < TpmFrames.DEFAULT_MAX_RESPONSE_SIZE) {
            throw new IllegalArgumentException("maxBufferSize below " + TpmFrames.DEFAULT_MAX_RESPONSE_SIZE + ": "
                    + maxBufferSize);
        }
        this.maxBufferSize = maxBufferSize;
    }

    public TpmPlatform(TpmDevice device, StateStore store) {
        this(device, store, TpmFrames.DEFAULT_MAX_RESPONSE_SIZE);
    }

    /**
     * {@code CMD_INIT}, a power cycle: stops the TPM if it runs (storing its permanent state), then
     * powers it on from the stored state. A stored volatile state is resumed; otherwise the TPM waits for TPM2_Startup.
     *
     * @param deleteVolatile remove the stored volatile state once read, so it is resumed only once
     */
    public synchronized void init(boolean deleteVolatile) throws PlatformException {
        stop();
        Optional<byte[]> permanent;
        Optional<byte[]> volatileState;
        try {
            permanent = store.load(StatePart.PERMANENT);
            volatileState = store.load(StatePart.VOLATILE);
            if (deleteVolatile && volatileState.isPresent()) {
                store.delete(StatePart.VOLATILE);
            }
        } catch (IOException e) {
            throw new PlatformException(PtmException.TPM_IOERROR, "cannot read the TPM state: " + e.getMessage(), e);
        }
        try {
            device.powerOn(permanent, volatileState);
        } catch (TpmDeviceException | RuntimeException e) {
            throw new PlatformException(PtmException.TPM_FAIL, "the TPM did not power on: " + e.getMessage(), e);
        }
        running = true;
        persistedState = permanent.orElse(null);
        // Compare once after power-on whatever the generation says: a new TPM was just manufactured,
        // or the device rewrote its state while loading it, and either must be durable at once.
        persistedGeneration = device.permanentStateGeneration() - 1;
        persistIfChanged();
    }

    /** Powers the TPM on unless it runs already, as the simulator's power-on signal does. */
    public synchronized void powerOn() throws PlatformException {
        if (!running) {
            init(false);
        }
    }

    /** {@code CMD_STOP}: powers the TPM off after making its permanent state durable. */
    public synchronized void stop() throws PlatformException {
        if (running) {
            persistIfChanged();
            powerOff();
        }
    }

    public synchronized boolean isRunning() {
        return running;
    }

    /** Executes one command at the locality set by {@link #setLocality}. */
    public synchronized byte[] execute(byte[] command) {
        return execute(locality, command);
    }

    /**
     * Executes one command at {@code commandLocality}. A stopped TPM answers TPM_RC_FAILURE, as
     * swtpm does; a locality above {@link #MAX_LOCALITY} gets TPM_RC_LOCALITY.
     */
    public synchronized byte[] execute(int commandLocality, byte[] command) {
        if (!running) {
            return ErrorResponse.of(TpmRc.FAILURE);
        }
        if (commandLocality < 0 || commandLocality > MAX_LOCALITY) {
            return ErrorResponse.of(TpmRc.LOCALITY);
        }
        byte[] response;
        try {
            response = device.process(commandLocality, command);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "TPM device failed on a command", e);
            return ErrorResponse.of(TpmRc.FAILURE);
        }
        try {
            persistIfChanged();
        } catch (PlatformException e) {
            // The answer stands: the device did the work. The state is retried after the next command.
            LOG.log(System.Logger.Level.ERROR, e.getMessage(), e.getCause());
        }
        return response;
    }

    /** {@code CMD_SET_LOCALITY}: the locality of the following data channel commands. */
    public synchronized void setLocality(int newLocality) throws PlatformException {
        if (newLocality < 0 || newLocality > MAX_LOCALITY) {
            throw new PlatformException(PtmException.TPM_BAD_LOCALITY, "no locality " + newLocality);
        }
        locality = newLocality;
    }

    public synchronized int locality() {
        return locality;
    }

    /** {@code CMD_GET_TPMESTABLISHED}. */
    public synchronized boolean tpmEstablished() throws PlatformException {
        requireRunning();
        try {
            return device.tpmEstablished();
        } catch (TpmDeviceException | RuntimeException e) {
            throw new PlatformException(PtmException.TPM_FAIL, e.getMessage(), e);
        }
    }

    /**
     * {@code CMD_RESET_TPMESTABLISHED}: only localities 3 and 4 may clear the flag (PC Client TIS,
     * {@code TPM_ACCESS.tpmEstablishment}), as only the trusted OS or the D-RTM can.
     */
    public synchronized void resetTpmEstablished(int resetLocality) throws PlatformException {
        requireRunning();
        if (resetLocality < 3 || resetLocality > MAX_LOCALITY) {
            throw new PlatformException(PtmException.TPM_BAD_LOCALITY, "locality " + resetLocality
                    + " may not reset the TPM-established flag");
        }
        try {
            device.resetTpmEstablished(resetLocality);
        } catch (TpmDeviceException | RuntimeException e) {
            throw new PlatformException(PtmException.TPM_FAIL, e.getMessage(), e);
        }
        persistIfChanged();
    }

    /** {@code CMD_HASH_START}, mssim's hash-start signal: _TPM_Hash_Start. */
    public synchronized void hashStart() throws PlatformException {
        hashStep(TpmDevice::hashStart);
    }

    /** {@code CMD_HASH_DATA}: _TPM_Hash_Data. */
    public synchronized void hashData(byte[] data) throws PlatformException {
        hashStep(device -> device.hashData(data));
    }

    /** {@code CMD_HASH_END}: _TPM_Hash_End. */
    public synchronized void hashEnd() throws PlatformException {
        hashStep(TpmDevice::hashEnd);
    }

    private void hashStep(HashStep step) throws PlatformException {
        requireRunning();
        try {
            step.run(device);
        } catch (TpmDeviceException | RuntimeException e) {
            throw new PlatformException(PtmException.TPM_FAIL, e.getMessage(), e);
        }
        persistIfChanged();
    }

    @FunctionalInterface
    private interface HashStep {
        void run(TpmDevice device) throws TpmDeviceException;
    }

    /** {@code CMD_STORE_VOLATILE}: writes the volatile state to the store, for a later {@link #init}. */
    public synchronized void storeVolatile() throws PlatformException {
        requireRunning();
        store(StatePart.VOLATILE, volatileState());
    }

    /**
     * {@code CMD_GET_STATEBLOB} of a running TPM. The save-state blob is always empty: a TPM 2.0
     * keeps what TPM2_Shutdown(STATE) saves in its permanent state.
     */
    public synchronized byte[] stateBlob(StateBlobType type) throws PlatformException {
        requireRunning();
        switch (type) {
            case PERMANENT:
                try {
                    return device.permanentState();
                } catch (TpmDeviceException | RuntimeException e) {
                    throw new PlatformException(PtmException.TPM_FAIL, e.getMessage(), e);
                }
            case VOLATILE:
                return volatileState();
            case SAVESTATE:
                return new byte[0];
            default:
                throw new IllegalArgumentException("unknown state blob type " + type);
        }
    }

    /**
     * {@code CMD_SET_STATEBLOB} of a stopped TPM: replaces a part of the stored state, which the next
     * {@link #init} powers on from. Only an empty save-state blob is accepted (see {@link #stateBlob}).
     */
    public synchronized void setStateBlob(StateBlobType type, byte[] blob) throws PlatformException {
        if (running) {
            throw PlatformException.running();
        }
        switch (type) {
            case PERMANENT:
                store(StatePart.PERMANENT, blob);
                break;
            case VOLATILE:
                store(StatePart.VOLATILE, blob);
                break;
            case SAVESTATE:
                if (blob.length != 0) {
                    throw new PlatformException(PtmException.TPM_BAD_PARAMETER,
                            "a TPM 2.0 has no separate save-state blob");
                }
                break;
            default:
                throw new IllegalArgumentException("unknown state blob type " + type);
        }
    }

    /**
     * {@code CMD_SET_BUFFERSIZE}: with 0 reports the buffer size; otherwise sets it, clamped to the
     * supported range, which only a stopped TPM allows.
     */
    public synchronized BufferSize setBufferSize(int requested) throws PlatformException {
        if (requested != 0) {
            if (running) {
                throw PlatformException.running();
            }
            bufferSize = Math.max(MIN_BUFFER_SIZE, Math.min(maxBufferSize, requested));
        }
        return new BufferSize(bufferSize, MIN_BUFFER_SIZE, maxBufferSize);
    }

    /** The largest command frame the servers accept now. */
    public synchronized int bufferSize() {
        return bufferSize;
    }

    /** Stops the TPM, persisting its permanent state; the store stays open for its owner to close. */
    @Override
    public synchronized void close() throws PlatformException {
        stop();
    }

    private void requireRunning() throws PlatformException {
        if (!running) {
            throw PlatformException.notRunning();
        }
    }

    private byte[] volatileState() throws PlatformException {
        try {
            return device.volatileState();
        } catch (TpmDeviceException | RuntimeException e) {
            throw new PlatformException(PtmException.TPM_FAIL, e.getMessage(), e);
        }
    }

    private void powerOff() {
        running = false;
        try {
            device.powerOff();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "TPM device failed to power off", e);
        }
    }

    private void persistIfChanged() throws PlatformException {
        long generation = device.permanentStateGeneration();
        if (generation == persistedGeneration) {
            return;
        }
        byte[] state;
        try {
            state = device.permanentState();
        } catch (TpmDeviceException | RuntimeException e) {
            throw new PlatformException(PtmException.TPM_FAIL, "cannot read the permanent state: " + e.getMessage(),
                    e);
        }
        if (!Arrays.equals(state, persistedState)) {
            store(StatePart.PERMANENT, state);
            persistedState = state;
        }
        persistedGeneration = generation;
    }

    private void store(StatePart part, byte[] state) throws PlatformException {
        try {
            store.store(part, state);
        } catch (IOException e) {
            throw new PlatformException(PtmException.TPM_IOERROR, "cannot store the " + part + " state: "
                    + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "TPM platform (" + (running ? "running" : "stopped") + ", locality " + locality + ")";
    }
}
