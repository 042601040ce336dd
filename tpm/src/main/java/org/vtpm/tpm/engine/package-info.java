/**
 * The software TPM 2.0 (the vTPM), following the TPM 2.0 Library specification, revision 1.59.
 *
 * <p>{@link org.vtpm.tpm.engine.Engine} is the whole TPM. Its API, for whatever serves it (the
 * socket server, the resource adapter, tests):
 * <ul>
 * <li>{@code Engine.manufacture(SecureRandom)}: a new TPM with new seeds, powered on and waiting for
 * TPM2_Startup; {@code Engine.restore(byte[])}: a TPM from saved state.
 * <li>{@code byte[] process(int locality, byte[] command)}: one command in, one response out;
 * malformed input gets an error response, never an exception. It implements
 * {@link org.vtpm.tpm.transport.TpmCommandProcessor}, so {@code InProcessTransport} drives it.
 * <li>{@code byte[] saveState()}: permanent and volatile state in the versioned format of
 * {@code state.StateWriter}; saving, restoring and saving again gives the same bytes.
 * <li>Platform signals, as swtpm's control channel carries them: {@code tpmInit()} (_TPM_Init,
 * CMD_INIT), {@code shutdownState()} (whether the last TPM2_Shutdown lets Startup(STATE) resume),
 * {@code tpmEstablished()} and {@code resetTpmEstablished(locality)} (CMD_GET_/RESET_TPMESTABLISHED),
 * {@code hashStart()}, {@code hashData(byte[])}, {@code hashEnd()} (CMD_HASH_START/DATA/END, the
 * D-RTM sequence). The locality is an argument of each {@code process} call (CMD_SET_LOCALITY is the
 * server's to remember). The D-RTM hash in progress is the only state {@code saveState} leaves out.
 * </ul>
 *
 * <p>Inside, the layout follows the reference implementation: the package-private {@code Dispatcher}
 * checks the header, handles and authorization area once for all commands ({@code Authorizations}:
 * password, HMAC and policy sessions, parameter decryption, dictionary-attack checks, with
 * {@code PolicyAuthorization} deciding which kind of authorization an entity allows for a role and
 * checking what a policy session deferred; after the command it encrypts the response parameter,
 * extends the audit session's digest, computes the response HMACs and resets used policy
 * sessions), then calls one short function
 * per command, found in {@code engine.commands} (one class per command family); the subsystems
 * they act on live in {@code engine.state}, key material and its protection in {@code engine.keys}.
 *
 * <p>What is implemented is the command table the dispatcher builds: GetCapability(TPM_CAP_COMMANDS)
 * lists exactly it, and the module's README names every command.
 */
package org.vtpm.tpm.engine;
