package org.vtpm.tpm.server;

import java.util.Optional;

import org.vtpm.tpm.transport.TpmCommandProcessor;

/**
 * A TPM 2.0 as the platform around it sees it: a command interface, a power switch, its state as
 * bytes, the measured-launch hash sequence, and the TPM-established flag of the TPM interface (PC
 * Client TIS {@code TPM_ACCESS}).
 *
 * <p>The server calls a device from one thread at a time and only {@link #process} while powered
 * on; {@link TpmPlatform} keeps these rules, so implementations need no locking of their own.
 */
public interface TpmDevice extends TpmCommandProcessor {

    /**
     * Powers the TPM on (_TPM_Init) from the given state. Without a volatile state the TPM waits
     * for TPM2_Startup; with one it resumes exactly where that state was taken.
     *
     * @param permanent     the permanent state (seeds, hierarchies, NV); empty to manufacture a new TPM
     * @param volatileState the volatile state (loaded objects, sessions, PCRs) to resume from, if any
     */
    void powerOn(Optional<byte[]> permanent, Optional<byte[]> volatileState) throws TpmDeviceException;

    /** Removes power: the volatile state is lost; the permanent state stays readable. */
    void powerOff();

    /** The permanent state as it is now, in the device's own versioned format. */
    byte[] permanentState() throws TpmDeviceException;

    /** The volatile state as it is now, so that {@link #powerOn} can resume from it. */
    byte[] volatileState() throws TpmDeviceException;

    /**
     * A number that changes whenever the permanent state may have changed, so the platform reads
     * and persists the state only when needed. Devices that cannot tell may change it after every
     * command; the platform still skips writing unchanged bytes.
     */
    long permanentStateGeneration();

    /** Whether an H-CRTM or D-RTM sequence ran since the flag was last reset. */
    boolean tpmEstablished() throws TpmDeviceException;

    /**
     * _TPM_Hash_Start: a measured launch begins, at locality 4 (D-RTM after TPM2_Startup, H-CRTM
     * before it).
     */
    void hashStart() throws TpmDeviceException;

    /** _TPM_Hash_Data: more of the code being measured; ignored without a preceding hash start. */
    void hashData(byte[] data) throws TpmDeviceException;

    /** _TPM_Hash_End: the measurement is extended into the PCRs; ignored without a hash start. */
    void hashEnd() throws TpmDeviceException;

    /**
     * Clears the TPM-established flag.
     *
     * @param locality the locality asking, which the platform has checked may do so (3 or 4)
     */
    void resetTpmEstablished(int locality) throws TpmDeviceException;
}
