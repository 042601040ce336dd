package org.vtpm.tpm.engine.commands;

import java.security.MessageDigest;

import org.vtpm.tpm.command.PolicyAuthValue;
import org.vtpm.tpm.command.PolicyAuthValueResponse;
import org.vtpm.tpm.command.PolicyCommandCode;
import org.vtpm.tpm.command.PolicyCommandCodeResponse;
import org.vtpm.tpm.command.PolicyCounterTimer;
import org.vtpm.tpm.command.PolicyCounterTimerResponse;
import org.vtpm.tpm.command.PolicyCpHash;
import org.vtpm.tpm.command.PolicyCpHashResponse;
import org.vtpm.tpm.command.PolicyDuplicationSelect;
import org.vtpm.tpm.command.PolicyDuplicationSelectResponse;
import org.vtpm.tpm.command.PolicyGetDigest;
import org.vtpm.tpm.command.PolicyGetDigestResponse;
import org.vtpm.tpm.command.PolicyNameHash;
import org.vtpm.tpm.command.PolicyNameHashResponse;
import org.vtpm.tpm.command.PolicyNvWritten;
import org.vtpm.tpm.command.PolicyNvWrittenResponse;
import org.vtpm.tpm.command.PolicyOr;
import org.vtpm.tpm.command.PolicyOrResponse;
import org.vtpm.tpm.command.PolicyPassword;
import org.vtpm.tpm.command.PolicyPasswordResponse;
import org.vtpm.tpm.command.PolicyPcr;
import org.vtpm.tpm.command.PolicyPcrResponse;
import org.vtpm.tpm.command.PolicyRestart;
import org.vtpm.tpm.command.PolicyRestartResponse;
import org.vtpm.tpm.command.PolicyTemplate;
import org.vtpm.tpm.command.PolicyTemplateResponse;
import org.vtpm.tpm.crypto.HashAlgorithm;
import org.vtpm.tpm.engine.state.AuthSession;
import org.vtpm.tpm.engine.state.Clock;
import org.vtpm.tpm.engine.state.EngineState;
import org.vtpm.tpm.engine.state.PolicyState;
import org.vtpm.tpm.types.Cc;
import org.vtpm.tpm.types.ClockInfo;
import org.vtpm.tpm.types.Digest;
import org.vtpm.tpm.types.Handle;
import org.vtpm.tpm.types.TimeInfo;
import org.vtpm.tpm.wire.Codecs;
import org.vtpm.tpm.wire.TpmRc;
import org.vtpm.tpm.wire.TpmWriter;

/**
 * The policy assertions that need no other entity's authorization (Part 3, clause 23): each
 * checks its condition now unless the session is a trial, extends the policyDigest, and records
 * what the session must still check when it authorizes a command.
 */
public final class PolicyCommands {

    private static final int MIN_OR_BRANCHES = 2;

    private final EngineState state;
    private final CommandTable table;

    public PolicyCommands(EngineState state, CommandTable table) {
        this.state = state;
        this.table = table;
    }

    /** The policy state behind a handle the dispatcher found to be a loaded policy session. */
    static PolicyState policy(EngineState state, Handle handle) {
        return state.sessions().get(handle).flatMap(AuthSession::policy).orElseThrow();
    }

    static HashAlgorithm hash(EngineState state, Handle handle) {
        return state.sessions().get(handle).orElseThrow().hash();
    }

    /**
     * PolicyPCR: the PCRs must hold what {@code pcrDigest} says (when given), and must not change
     * until the session is used; a trial session takes the given digest, or the current one.
     */
    public PolicyPcrResponse policyPcr(PolicyPcr command, Request request) throws CommandError {
        PolicyState policy = policy(state, command.policySession());
        HashAlgorithm hash = hash(state, command.policySession());
        byte[] given = command.pcrDigest().buffer();
        byte[] current = PcrSelections.digest(hash, command.pcrs(), state.pcrs());
        int counter = state.pcrs().updateCounter();
        byte[] pcrDigest = current;
        if (policy.isTrial()) {
            pcrDigest = given.length != 0 ? given : current;
        } else {
            if (policy.pcrCounter().filter(c -> c != counter).isPresent()) {
                throw CommandError.of(TpmRc.PCR_CHANGED);
            }
            if (given.length != 0 && !MessageDigest.isEqual(given, current)) {
                throw CommandError.of(TpmRc.VALUE.withParameter(1));
            }
        }
        policy.update(Cc.POLICY_PCR, Codecs.marshal(command.pcrs()), pcrDigest);
        if (!policy.isTrial()) {
            policy.pcrCounter(counter);
        }
        return new PolicyPcrResponse();
    }

    public PolicyAuthValueResponse policyAuthValue(PolicyAuthValue command, Request request) {
        PolicyState policy = policy(state, command.policySession());
        policy.update(Cc.POLICY_AUTH_VALUE);
        policy.requireAuthValue(false);
        return new PolicyAuthValueResponse();
    }

    /** The same digest as PolicyAuthValue, so one policy holds for either way of proving the authValue. */
    public PolicyPasswordResponse policyPassword(PolicyPassword command, Request request) {
        PolicyState policy = policy(state, command.policySession());
        policy.update(Cc.POLICY_AUTH_VALUE);
        policy.requireAuthValue(true);
        return new PolicyPasswordResponse();
    }

    public PolicyCommandCodeResponse policyCommandCode(PolicyCommandCode command, Request request)
            throws CommandError {
        PolicyState policy = policy(state, command.policySession());
        int code = command.code().value();
        if (policy.commandCode() != 0 && policy.commandCode() != code) {
            throw CommandError.of(TpmRc.VALUE.withParameter(1));
        }
        if (table.entry(code).isEmpty()) {
            throw CommandError.of(TpmRc.POLICY_CC.withParameter(1));
        }
        policy.update(Cc.POLICY_COMMAND_CODE, new TpmWriter(4).writeU32(code).toByteArray());
        policy.commandCode(code);
        return new PolicyCommandCodeResponse();
    }

    /** The current digest must be one of the branches (unless a trial); the digest becomes H(0 || CC || branches). */
    public PolicyOrResponse policyOr(PolicyOr command, Request request) throws CommandError {
        PolicyState policy = policy(state, command.policySession());
        if (command.pHashList().digests().size() < MIN_OR_BRANCHES) {
            throw CommandError.of(TpmRc.SIZE.withParameter(1));
        }
        byte[] current = policy.digest();
        boolean found = false;
        byte[][] branches = new byte[command.pHashList().digests().size()][];
        for (int i = 0; i < branches.length; i++) {
            branches[i] = command.pHashList().digests().get(i).buffer();
            found |= MessageDigest.isEqual(branches[i], current);
        }
        if (!found && !policy.isTrial()) {
            throw CommandError.of(TpmRc.VALUE.withParameter(1));
        }
        policy.clearDigest();
        policy.update(Cc.POLICY_OR, branches);
        return new PolicyOrResponse();
    }

    public PolicyCpHashResponse policyCpHash(PolicyCpHash command, Request request) throws CommandError {
        PolicyState policy = policy(state, command.policySession());
        byte[] cpHash = command.cpHashA().buffer();
        if (cpHash.length != hash(state, command.policySession()).digestSize()) {
            throw CommandError.of(TpmRc.SIZE.withParameter(1));
        }
        requireBindable(policy, PolicyState.Binding.CP_HASH, cpHash);
        policy.update(Cc.POLICY_CP_HASH, cpHash);
        policy.bind(PolicyState.Binding.CP_HASH, cpHash);
        return new PolicyCpHashResponse();
    }

    public PolicyNameHashResponse policyNameHash(PolicyNameHash command, Request request) throws CommandError {
        PolicyState policy = policy(state, command.policySession());
        byte[] nameHash = command.nameHash().buffer();
        if (nameHash.length != hash(state, command.policySession()).digestSize()) {
            throw CommandError.of(TpmRc.SIZE.withParameter(1));
        }
        if (policy.binding() != PolicyState.Binding.NONE) {
            throw CommandError.of(TpmRc.CPHASH);
        }
        policy.update(Cc.POLICY_NAME_HASH, nameHash);
        policy.bind(PolicyState.Binding.NAME_HASH, nameHash);
        return new PolicyNameHashResponse();
    }

    /**
     * Restricts the session to TPM2_Duplicate of the named object (or any object, without
     * {@code includeObject} in the digest) to the named new parent, by a name hash over both.
     */
    public PolicyDuplicationSelectResponse policyDuplicationSelect(PolicyDuplicationSelect command,
            Request request) throws CommandError {
        PolicyState policy = policy(state, command.policySession());
        HashAlgorithm hash = hash(state, command.policySession());
        if (policy.binding() != PolicyState.Binding.NONE) {
            throw CommandError.of(TpmRc.CPHASH);
        }
        if (policy.commandCode() != 0 && policy.commandCode() != Cc.DUPLICATE.value()) {
            throw CommandError.of(TpmRc.COMMAND_CODE);
        }
        byte[] objectName = command.objectName().buffer();
        byte[] parentName = command.newParentName().buffer();
        byte[] include = {(byte) (command.includeObject() ? 1 : 0)};
        if (command.includeObject()) {
            policy.update(Cc.POLICY_DUPLICATION_SELECT, objectName, parentName, include);
        } else {
            policy.update(Cc.POLICY_DUPLICATION_SELECT, parentName, include);
        }
        policy.bind(PolicyState.Binding.NAME_HASH, hash.hash(objectName, parentName));
        policy.commandCode(Cc.DUPLICATE.value());
        return new PolicyDuplicationSelectResponse();
    }

    public PolicyNvWrittenResponse policyNvWritten(PolicyNvWritten command, Request request) throws CommandError {
        PolicyState policy = policy(state, command.policySession());
        if (policy.nvWritten().filter(w -> w != command.writtenSet()).isPresent()) {
            throw CommandError.of(TpmRc.VALUE.withParameter(1));
        }
        policy.update(Cc.POLICY_NV_WRITTEN, new byte[] {(byte) (command.writtenSet() ? 1 : 0)});
        policy.nvWritten(command.writtenSet());
        return new PolicyNvWrittenResponse();
    }

    public PolicyTemplateResponse policyTemplate(PolicyTemplate command, Request request) throws CommandError {
        PolicyState policy = policy(state, command.policySession());
        byte[] templateHash = command.templateHash().buffer();
        if (policy.binding() == PolicyState.Binding.TEMPLATE_HASH) {
            if (!MessageDigest.isEqual(templateHash, policy.bindingDigest())) {
                throw CommandError.of(TpmRc.VALUE.withParameter(1));
            }
        } else {
            if (policy.binding() != PolicyState.Binding.NONE) {
                throw CommandError.of(TpmRc.CPHASH);
            }
            if (templateHash.length != hash(state, command.policySession()).digestSize()) {
                throw CommandError.of(TpmRc.SIZE.withParameter(1));
            }
        }
        policy.update(Cc.POLICY_TEMPLATE, templateHash);
        policy.bind(PolicyState.Binding.TEMPLATE_HASH, templateHash);
        return new PolicyTemplateResponse();
    }

    /** Compares the operand with bytes of TPMS_TIME_INFO (time, then TPMS_CLOCK_INFO) as they are now. */
    public PolicyCounterTimerResponse policyCounterTimer(PolicyCounterTimer command, Request request)
            throws CommandError {
        PolicyState policy = policy(state, command.policySession());
        HashAlgorithm hash = hash(state, command.policySession());
        byte[] operandB = command.operandB().buffer();
        if (!policy.isTrial()) {
            Clock clock = state.clock();
            byte[] timeInfo = Codecs.marshal(new TimeInfo(clock.time(), new ClockInfo(clock.clock(),
                    clock.resetCount(), clock.restartCount(), clock.safe())));
            if (command.offset() > timeInfo.length) {
                throw CommandError.of(TpmRc.VALUE.withParameter(2));
            }
            if (command.offset() + operandB.length > timeInfo.length) {
                // Like the reference implementation, without a parameter number.
                throw CommandError.of(TpmRc.RANGE);
            }
            byte[] operandA = new byte[operandB.length];
            System.arraycopy(timeInfo, command.offset(), operandA, 0, operandA.length);
            if (!PolicyConditions.holds(command.operation(), operandA, operandB)) {
                throw CommandError.of(TpmRc.POLICY);
            }
        }
        policy.update(Cc.POLICY_COUNTER_TIMER, PolicyConditions.argumentHash(hash, operandB, command.offset(),
                command.operation()));
        return new PolicyCounterTimerResponse();
    }

    public PolicyGetDigestResponse policyGetDigest(PolicyGetDigest command, Request request) {
        return new PolicyGetDigestResponse(new Digest(policy(state, command.policySession()).digest()));
    }

    public PolicyRestartResponse policyRestart(PolicyRestart command, Request request) {
        policy(state, command.sessionHandle()).restart(state.clock().time(), state.sessions().epoch());
        return new PolicyRestartResponse();
    }

    /** A cpHash may be set once, and only while no name or template hash holds its place. */
    private static void requireBindable(PolicyState policy, PolicyState.Binding kind, byte[] value)
            throws CommandError {
        if (policy.binding() != PolicyState.Binding.NONE
                && (policy.binding() != kind || !MessageDigest.isEqual(policy.bindingDigest(), value))) {
            throw CommandError.of(TpmRc.CPHASH);
        }
    }
}
