package org.vtpm.tpm.engine.commands;

import java.security.MessageDigest;
import java.util.Arrays;

import org.vtpm.tpm.command.PolicyAuthorizeNv;
import org.vtpm.tpm.command.PolicyAuthorizeNvResponse;
import org.vtpm.tpm.command.PolicyNv;
import org.vtpm.tpm.command.PolicyNvResponse;
import org.vtpm.tpm.engine.state.AuthSession;
import org.vtpm.tpm.engine.state.EngineState;
import org.vtpm.tpm.engine.state.NvIndex;
import org.vtpm.tpm.engine.state.PolicyState;
import org.vtpm.tpm.types.Cc;
import org.vtpm.tpm.types.Handle;
import org.vtpm.tpm.types.Nt;
import org.vtpm.tpm.types.NvAttributes;
import org.vtpm.tpm.wire.TpmRc;
import org.vtpm.tpm.wire.TpmWriter;

/**
 * The policy assertions on NV contents (Part 3, 23.9 and 23.22): PolicyNV compares bytes of an
 * index, PolicyAuthorizeNV accepts the policy an index holds. Both read the index as TPM2_NV_Read
 * would, with the authorization the dispatcher checked; a trial session skips the read.
 */
public final class PolicyNvCommands {

    private final EngineState state;

    public PolicyNvCommands(EngineState state) {
        this.state = state;
    }

    /** The NV index (ordinary) holds a TPMT_HA of the approved policy: the current digest, in the session's hash. */
    public PolicyAuthorizeNvResponse policyAuthorizeNv(PolicyAuthorizeNv command, Request request)
            throws CommandError {
        AuthSession session = state.sessions().get(command.policySession()).orElseThrow();
        PolicyState policy = session.policy().orElseThrow();
        NvIndex index = state.nv().get(command.nvIndex()).orElseThrow();
        if (!policy.isTrial()) {
            readable(command.authHandle(), command.nvIndex(), index);
            if (!index.type().equals(Nt.ORDINARY)) {
                throw CommandError.of(TpmRc.ATTRIBUTES.withHandle(2));
            }
            byte[] held = index.read(0, index.publicArea().dataSize());
            byte[] expected = new TpmWriter().writeU16(session.hash().algId()).writeBytes(policy.digest())
                    .toByteArray();
            if (held.length < expected.length || !MessageDigest.isEqual(expected,
                    Arrays.copyOf(held, expected.length))) {
                throw CommandError.of(TpmRc.VALUE);
            }
        }
        policy.clearDigest();
        policy.update(Cc.POLICY_AUTHORIZE_NV, index.name().buffer());
        return new PolicyAuthorizeNvResponse();
    }

    /** The index's bytes at {@code offset} compared with operandB. */
    public PolicyNvResponse policyNv(PolicyNv command, Request request) throws CommandError {
        AuthSession session = state.sessions().get(command.policySession()).orElseThrow();
        PolicyState policy = session.policy().orElseThrow();
        NvIndex index = state.nv().get(command.nvIndex()).orElseThrow();
        byte[] operandB = command.operandB().buffer();
        if (!policy.isTrial()) {
            readable(command.authHandle(), command.nvIndex(), index);
            int size = index.publicArea().dataSize();
            if (command.offset() > size) {
                throw CommandError.of(TpmRc.VALUE.withParameter(2));
            }
            if (size - command.offset() < operandB.length) {
                throw CommandError.of(TpmRc.SIZE.withParameter(1));
            }
            if (!PolicyConditions.holds(command.operation(), index.read(command.offset(), operandB.length),
                    operandB)) {
                throw CommandError.of(TpmRc.POLICY);
            }
        }
        policy.update(Cc.POLICY_NV, PolicyConditions.argumentHash(session.hash(), operandB, command.offset(),
                command.operation()), index.name().buffer());
        return new PolicyNvResponse();
    }

    /** NvReadAccessChecks: not read-locked, an authorizing entity the attributes allow, written. */
    private static void readable(Handle authHandle, Handle nvIndex, NvIndex index) throws CommandError {
        if (index.has(NvAttributes.READLOCKED)) {
            throw CommandError.of(TpmRc.NV_LOCKED);
        }
        boolean allowed = authHandle.equals(Handle.RH_OWNER) ? index.has(NvAttributes.OWNERREAD)
                : authHandle.equals(Handle.RH_PLATFORM) ? index.has(NvAttributes.PPREAD)
                : authHandle.equals(nvIndex);
        if (!allowed) {
            throw CommandError.of(TpmRc.NV_AUTHORIZATION);
        }
        if (!index.has(NvAttributes.WRITTEN)) {
            throw CommandError.of(TpmRc.NV_UNINITIALIZED);
        }
    }
}
