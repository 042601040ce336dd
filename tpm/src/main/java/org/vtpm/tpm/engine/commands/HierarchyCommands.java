package org.vtpm.tpm.engine.commands;

import org.vtpm.tpm.command.ChangeEps;
import org.vtpm.tpm.command.ChangeEpsResponse;
import org.vtpm.tpm.command.ChangePps;
import org.vtpm.tpm.command.ChangePpsResponse;
import org.vtpm.tpm.command.Clear;
import org.vtpm.tpm.command.ClearControl;
import org.vtpm.tpm.command.ClearControlResponse;
import org.vtpm.tpm.command.ClearResponse;
import org.vtpm.tpm.command.HierarchyChangeAuth;
import org.vtpm.tpm.command.HierarchyChangeAuthResponse;
import org.vtpm.tpm.command.HierarchyControl;
import org.vtpm.tpm.command.HierarchyControlResponse;
import org.vtpm.tpm.command.SetPrimaryPolicy;
import org.vtpm.tpm.command.SetPrimaryPolicyResponse;
import org.vtpm.tpm.engine.state.EngineState;
import org.vtpm.tpm.engine.state.Hierarchies;
import org.vtpm.tpm.types.AlgId;
import org.vtpm.tpm.types.Handle;
import org.vtpm.tpm.wire.TpmRc;

/**
 * The hierarchy commands (Part 3, clause 24 but CreatePrimary): authValues and policies of the
 * hierarchies and lockout, enabling and disabling hierarchies, TPM2_Clear and its control, and new
 * endorsement and platform seeds. What a hierarchy loses when it is cleared or reseeded (loaded and
 * persistent objects, NV indices) goes here too, so no primary of an old seed outlives it.
 */
public final class HierarchyCommands {

    private final EngineState state;

    public HierarchyCommands(EngineState state) {
        this.state = state;
    }

    public HierarchyChangeAuthResponse hierarchyChangeAuth(HierarchyChangeAuth command, Request request)
            throws CommandError {
        byte[] newAuth = AuthValues.trimTrailingZeros(command.newAuth().buffer());
        if (newAuth.length > Algorithms.MAX_DIGEST_SIZE) {
            throw CommandError.of(TpmRc.SIZE.withParameter(1));
        }
        state.hierarchies().changeAuth(command.authHandle(), newAuth);
        return new HierarchyChangeAuthResponse();
    }

    /** The policy must be a digest of the named hash, or empty with TPM_ALG_NULL. */
    public SetPrimaryPolicyResponse setPrimaryPolicy(SetPrimaryPolicy command, Request request) throws CommandError {
        int size = command.hashAlg().equals(AlgId.NULL) ? 0
                : Algorithms.hash(command.hashAlg()).orElseThrow(() -> CommandError.of(TpmRc.HASH.withParameter(2)))
                        .digestSize();
        if (command.authPolicy().size() != size) {
            throw CommandError.of(TpmRc.SIZE.withParameter(1));
        }
        state.hierarchies().setPolicy(command.authHandle(), command.hashAlg().value(),
                command.authPolicy().buffer());
        return new SetPrimaryPolicyResponse();
    }

    /**
     * Removes everything of the owner: a new storage seed, owner and endorsement objects and owner
     * NV indices gone, authValues and policies empty, dictionary-attack parameters and Clock as
     * manufactured. The endorsement seed stays, so the EK stays the same key.
     */
    public ClearResponse clear(Clear command, Request request) throws CommandError {
        Hierarchies hierarchies = state.hierarchies();
        if (hierarchies.disableClear()) {
            throw CommandError.of(TpmRc.DISABLED);
        }
        hierarchies.clear(state.random());
        for (Handle hierarchy : new Handle[] {Handle.RH_OWNER, Handle.RH_ENDORSEMENT}) {
            state.objects().flushHierarchy(hierarchy);
            state.objects().evictHierarchy(hierarchy);
        }
        state.nv().undefineOwnerIndices();
        state.dictionaryAttack().clear();
        state.clock().clear();
        return new ClearResponse();
    }

    /** Lockout may disable TPM2_Clear; only the platform may enable it again. */
    public ClearControlResponse clearControl(ClearControl command, Request request) throws CommandError {
        if (command.auth().equals(Handle.RH_LOCKOUT) && !command.disable()) {
            throw CommandError.of(TpmRc.AUTH_FAIL);
        }
        state.hierarchies().disableClear(command.disable());
        return new ClearControlResponse();
    }

    /**
     * The platform may switch any hierarchy (and the platform's NV indices); the owner and the
     * endorsement hierarchy may only switch themselves off. A disabled hierarchy's loaded objects
     * are flushed.
     */
    public HierarchyControlResponse hierarchyControl(HierarchyControl command, Request request)
            throws CommandError {
        Handle auth = command.authHandle();
        Handle enable = command.enable();
        boolean platform = auth.equals(Handle.RH_PLATFORM);
        if (enable.equals(Handle.RH_PLATFORM) || enable.equals(Handle.RH_PLATFORM_NV)) {
            if (!platform) {
                throw CommandError.of(TpmRc.AUTH_TYPE);
            }
        } else if (!platform && (!auth.equals(enable) || command.state() && !state.hierarchies().isEnabled(enable))) {
            throw CommandError.of(TpmRc.AUTH_TYPE);
        }
        Hierarchies hierarchies = state.hierarchies();
        boolean current = enable.equals(Handle.RH_PLATFORM_NV) ? hierarchies.phEnableNv()
                : hierarchies.isEnabled(enable);
        if (current != command.state()) {
            hierarchies.setEnabled(enable, command.state());
            if (!command.state() && !enable.equals(Handle.RH_PLATFORM_NV)) {
                state.objects().flushHierarchy(enable);
            }
        }
        return new HierarchyControlResponse();
    }

    /** A new endorsement seed: earlier EKs and every endorsement object are gone for good. */
    public ChangeEpsResponse changeEps(ChangeEps command, Request request) {
        state.hierarchies().changeEndorsementSeed(state.random());
        state.objects().flushHierarchy(Handle.RH_ENDORSEMENT);
        state.objects().evictHierarchy(Handle.RH_ENDORSEMENT);
        return new ChangeEpsResponse();
    }

    /** A new platform seed: platform objects are gone; NV indices, the platform's too, stay. */
    public ChangePpsResponse changePps(ChangePps command, Request request) {
        state.hierarchies().changePlatformSeed(state.random());
        state.objects().flushHierarchy(Handle.RH_PLATFORM);
        state.objects().evictHierarchy(Handle.RH_PLATFORM);
        state.pcrAuthorizations().clearPolicy();
        return new ChangePpsResponse();
    }
}
