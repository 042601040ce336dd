package org.vtpm.tpm.server;

import java.io.IOException;
import java.util.Objects;
import java.util.Optional;

import org.vtpm.tpm.transport.TpmTransportException;
import org.vtpm.tpm.transport.swtpm.SwtpmControlChannel;
import org.vtpm.tpm.transport.swtpm.SwtpmOptions;
import org.vtpm.tpm.transport.swtpm.SwtpmProcess;
import org.vtpm.tpm.transport.swtpm.SwtpmSocketTransport;
import org.vtpm.tpm.transport.swtpm.StateBlob;
import org.vtpm.tpm.transport.swtpm.StateBlobType;
import org.vtpm.tpm.wire.TpmRc;

/**
 * A {@link TpmDevice} that is a swtpm process (libtpms) behind its socket and control channels.
 * Its state is swtpm's state blobs, which the platform stores like any device's state; swtpm's own
 * state directory is only a scratch copy.
 *
 * <p>Serving libtpms through this server makes it a reference to hold the Java engine against,
 * and the server's protocols testable against a real TPM. swtpm cannot be told to forget its
 * state, so powering on without a permanent state keeps whatever swtpm holds: for a freshly
 * launched swtpm, a new TPM.
 */
public final class SwtpmDevice implements TpmDevice, AutoCloseable {

    private static final System.Logger LOG = System.getLogger(SwtpmDevice.class.getName());

    private final SwtpmProcess process;
    private final SwtpmControlChannel control;
    private final SwtpmSocketTransport data;
    private int locality;
    private long generation;

    private SwtpmDevice(SwtpmProcess process) {
        this.process = process;
        this.control = process.controlChannel();
        this.data = process.openDataChannel();
    }

    /**
     * Launches swtpm powered off; the TPM comes up at {@link #powerOn}.
     *
     * @param options where swtpm is and how long to wait for it; its power-up flags are overridden
     */
    public static SwtpmDevice launch(SwtpmOptions options) throws IOException {
        Objects.requireNonNull(options, "options");
        return new SwtpmDevice(SwtpmProcess.start(options.withNotNeedInit(false).withStartupClear(false)));
    }

    public long pid() {
        return process.pid();
    }

    @Override
    public void powerOn(Optional<byte[]> permanent, Optional<byte[]> volatileState) throws TpmDeviceException {
        try {
            control.stop();
            if (permanent.isPresent()) {
                control.setStateBlob(new StateBlob(StateBlobType.PERMANENT, false, permanent.get()));
            }
            if (volatileState.isPresent()) {
                control.setStateBlob(new StateBlob(StateBlobType.VOLATILE, false, volatileState.get()));
            }
            control.init(true);
        } catch (TpmTransportException e) {
            throw new TpmDeviceException("swtpm did not power on: " + e.getMessage(), e);
        }
        generation++;
    }

    @Override
    public void powerOff() {
        try {
            control.stop();
        } catch (TpmTransportException e) {
            LOG.log(System.Logger.Level.WARNING, "swtpm did not stop: {0}", e.getMessage());
        }
    }

    @Override
    public byte[] process(int commandLocality, byte[] command) {
        generation++;
        try {
            if (commandLocality != locality) {
                control.setLocality(commandLocality);
                locality = commandLocality;
            }
            return data.transmit(command);
        } catch (TpmTransportException e) {
            LOG.log(System.Logger.Level.ERROR, "swtpm did not answer: {0}", e.getMessage());
            return ErrorResponse.of(TpmRc.FAILURE);
        }
    }

    @Override
    public byte[] permanentState() throws TpmDeviceException {
        return blob(StateBlobType.PERMANENT);
    }

    @Override
    public byte[] volatileState() throws TpmDeviceException {
        return blob(StateBlobType.VOLATILE);
    }

    private byte[] blob(StateBlobType type) throws TpmDeviceException {
        try {
            return control.getStateBlob(type, true).data();
        } catch (TpmTransportException e) {
            throw new TpmDeviceException("swtpm did not hand out its " + type + " state: " + e.getMessage(), e);
        }
    }

    @Override
    public long permanentStateGeneration() {
        return generation;
    }

    @Override
    public boolean tpmEstablished() throws TpmDeviceException {
        try {
            return control.getTpmEstablished();
        } catch (TpmTransportException e) {
            throw new TpmDeviceException(e.getMessage(), e);
        }
    }

    @Override
    public void hashStart() throws TpmDeviceException {
        generation++;
        signal(control::hashStart);
    }

    @Override
    public void hashData(byte[] data) throws TpmDeviceException {
        signal(() -> control.hashData(data));
    }

    @Override
    public void hashEnd() throws TpmDeviceException {
        generation++;
        signal(control::hashEnd);
    }

    @Override
    public void resetTpmEstablished(int resetLocality) throws TpmDeviceException {
        generation++;
        signal(() -> control.resetTpmEstablished(resetLocality));
    }

    /** Sends a control-channel signal; swtpm's refusal is the device's. */
    private static void signal(ControlSignal signal) throws TpmDeviceException {
        try {
            signal.send();
        } catch (TpmTransportException e) {
            throw new TpmDeviceException(e.getMessage(), e);
        }
    }

    @FunctionalInterface
    private interface ControlSignal {
        void send() throws TpmTransportException;
    }

    /** Ends swtpm; the platform has taken its state already. */
    @Override
    public void close() throws IOException {
        data.close();
        process.close();
    }

    @Override
    public String toString() {
        return "swtpm device (" + process + ")";
    }
}
