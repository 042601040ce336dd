package org.vtpm.tpm.server;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.vtpm.tpm.client.Tpm;
import org.vtpm.tpm.command.GetCapability;
import org.vtpm.tpm.command.GetCapabilityResponse;
import org.vtpm.tpm.engine.Engine;
import org.vtpm.tpm.engine.state.StateFormatException;
import org.vtpm.tpm.transport.InProcessTransport;
import org.vtpm.tpm.transport.TpmFrames;
import org.vtpm.tpm.types.Cap;
import org.vtpm.tpm.types.CcAttributes;
import org.vtpm.tpm.types.CcaList;
import org.vtpm.tpm.wire.TpmException;
import org.vtpm.tpm.wire.TpmRc;

/**
 * The Java engine as a {@link TpmDevice}. The engine's state format holds permanent and volatile
 * state together, so both parts are the whole state: powering on from the permanent part is a
 * power cycle (_TPM_Init, then TPM2_Startup decides what survives), from the volatile part a resume.
 *
 * <p>The engine itself says which commands may change what must survive power loss: the
 * {@code nv} bit of each command's TPMA_CC ("the command may write to NV"), read through
 * TPM2_GetCapability(TPM_CAP_COMMANDS) once the TPM has started. Until then, for commands it does
 * not list, and for failed authorizations (which count towards dictionary-attack lockout) every
 * command counts as a change, so the state reaches the store whenever it may have changed.
 */
public final class EngineDevice implements TpmDevice {

    private static final int MAX_COMMANDS_PER_QUERY = 256;

    private final SecureRandom entropy;
    private Engine engine;
    private long generation;
    private Map<Integer, Boolean> writesNv = Map.of();
    private boolean askedForNvAttributes;

    /** @param entropy seeds a new TPM's primary seeds and every engine's random number generator */
    public EngineDevice(SecureRandom entropy) {
        this.entropy = Objects.requireNonNull(entropy, "entropy");
    }

    @Override
    public void powerOn(Optional<byte[]> permanent, Optional<byte[]> volatileState) throws TpmDeviceException {
        try {
            if (volatileState.isPresent()) {
                engine = Engine.restore(volatileState.get(), entropy);
            } else if (permanent.isPresent()) {
                engine = Engine.restore(permanent.get(), entropy);
                engine.tpmInit();
            } else {
                engine = Engine.manufacture(entropy);
            }
        } catch (StateFormatException e) {
            throw new TpmDeviceException("the stored TPM state is unreadable: " + e.getMessage(), e);
        }
        generation++;
    }

    /** Nothing to switch off: the platform sends no command until the next power-on, which replaces the engine. */
    @Override
    public void powerOff() {
    }

    @Override
    public byte[] process(int locality, byte[] command) {
        byte[] response = engine.process(locality, command);
        if (mayHaveWrittenNv(command, response)) {
            generation++;
        }
        return response;
    }

    private boolean mayHaveWrittenNv(byte[] command, byte[] response) {
        if (command.length < TpmFrames.HEADER_SIZE || response.length < TpmFrames.HEADER_SIZE) {
            return false;
        }
        TpmRc rc = new TpmRc(ByteBuffer.wrap(response, 6, 4).getInt());
        TpmRc base = rc.base();
        if (base.equals(TpmRc.AUTH_FAIL) || base.equals(TpmRc.BAD_AUTH)) {
            return true;
        }
        if (!rc.isSuccess()) {
            return false;
        }
        if (!askedForNvAttributes && engine.isStarted()) {
            askedForNvAttributes = true;
            writesNv = readNvAttributes();
        }
        return writesNv.getOrDefault(ByteBuffer.wrap(command, 6, 4).getInt(), true);
    }

    /** The nv bit of every command the engine implements; empty if the engine would not tell. */
    private Map<Integer, Boolean> readNvAttributes() {
        Map<Integer, Boolean> attributes = new HashMap<>();
        Tpm tpm = new Tpm(new InProcessTransport(engine, "engine"));
        try {
            int next = 0;
            boolean more = true;
            while (more) {
                GetCapabilityResponse response = tpm.execute(
                        new GetCapability(Cap.COMMANDS, next, MAX_COMMANDS_PER_QUERY));
                if (!(response.capabilityData().data() instanceof CcaList list)
                        || list.commandAttributes().isEmpty()) {
                    break;
                }
                for (CcAttributes cc : list.commandAttributes()) {
                    int code = cc.commandIndex() | (cc.has(CcAttributes.V) ? 0x20000000 : 0);
                    attributes.put(code, cc.has(CcAttributes.NV));
                    next = code + 1;
                }
                more = response.moreData();
            }
            return attributes;
        } catch (TpmException | IOException e) {
            return Map.of();
        }
    }

    @Override
    public byte[] permanentState() throws TpmDeviceException {
        return running().saveState();
    }

    @Override
    public byte[] volatileState() throws TpmDeviceException {
        return running().saveState();
    }

    @Override
    public long permanentStateGeneration() {
        return generation;
    }

    @Override
    public boolean tpmEstablished() throws TpmDeviceException {
        return running().tpmEstablished();
    }

    @Override
    public void resetTpmEstablished(int locality) throws TpmDeviceException {
        if (!running().resetTpmEstablished(locality)) {
            throw new TpmDeviceException("locality " + locality + " may not reset the TPM-established flag");
        }
        generation++;
    }

    @Override
    public void hashStart() throws TpmDeviceException {
        running().hashStart();
        generation++;
    }

    @Override
    public void hashData(byte[] data) throws TpmDeviceException {
        running().hashData(data);
    }

    @Override
    public void hashEnd() throws TpmDeviceException {
        running().hashEnd();
        generation++;
    }

    private Engine running() throws TpmDeviceException {
        if (engine == null) {
            throw new TpmDeviceException("the engine was never powered on");
        }
        return engine;
    }

    @Override
    public String toString() {
        return "Java TPM engine";
    }
}
