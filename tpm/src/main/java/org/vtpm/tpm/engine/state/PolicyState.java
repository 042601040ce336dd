package org.vtpm.tpm.engine.state;

import java.util.Arrays;
import java.util.Optional;

import org.bouncycastle.crypto.Digest;
import org.vtpm.tpm.crypto.HashAlgorithm;
import org.vtpm.tpm.types.Cc;
import org.vtpm.tpm.types.TpmLimits;
import org.vtpm.tpm.wire.TpmFormatException;
import org.vtpm.tpm.wire.TpmReader;
import org.vtpm.tpm.wire.TpmRc;
import org.vtpm.tpm.wire.TpmWriter;

/**
 * What a policy or trial session has accumulated (Part 1, 19.7): the policyDigest and the
 * conditions that are checked only when the session authorizes a command (its command code, the
 * cpHash, name hash or template hash, the PCR update counter, the timeout, the NV written state,
 * and whether the authValue is proven by HMAC or by password).
 */
public final class PolicyState {

    /** Which of the three mutually exclusive command bindings the session holds. */
    public enum Binding { NONE, CP_HASH, NAME_HASH, TEMPLATE_HASH }

    private static final int NV_WRITTEN_UNCHECKED = 2;

    private final HashAlgorithm hash;
    private final boolean trial;
    private byte[] digest;
    private boolean authValueNeeded;
    private boolean passwordNeeded;
    private int commandCode;
    private Binding binding;
    private byte[] bindingDigest;
    private boolean pcrChecked;
    private int pcrCounter;
    private long timeout;
    private int nvWritten;
    private long startTime;
    private long epoch;
    private int locality;
    private boolean physicalPresence;

    private PolicyState(HashAlgorithm hash, boolean trial) {
        this.hash = hash;
        this.trial = trial;
    }

    /**
     * A session's initial policy state.
     *
     * @param startTime TPM time (milliseconds since _TPM_Init) when the session started
     * @param epoch identifies the power cycle {@code startTime} counts in
     */
    public static PolicyState start(HashAlgorithm hash, boolean trial, long startTime, long epoch) {
        PolicyState policy = new PolicyState(hash, trial);
        policy.restart(startTime, epoch);
        return policy;
    }

    /** TPM2_PolicyRestart, and what every use of the session for a command does: back to the initial state. */
    public void restart(long now, long currentEpoch) {
        digest = new byte[hash.digestSize()];
        authValueNeeded = false;
        passwordNeeded = false;
        commandCode = 0;
        binding = Binding.NONE;
        bindingDigest = new byte[0];
        pcrChecked = false;
        pcrCounter = 0;
        timeout = 0;
        nvWritten = NV_WRITTEN_UNCHECKED;
        startTime = now;
        epoch = currentEpoch;
        locality = 0;
        physicalPresence = false;
    }

    public boolean isTrial() {
        return trial;
    }

    public byte[] digest() {
        return digest.clone();
    }

    /** {@code policyDigest := H(policyDigest || commandCode || parts...)} (Part 1, 19.7.2). */
    public void update(Cc code, byte[]... parts) {
        Digest d = hash.newDigest();
        d.update(digest, 0, digest.length);
        byte[] cc = new TpmWriter(4).writeU32(code.value()).toByteArray();
        d.update(cc, 0, cc.length);
        for (byte[] part : parts) {
            d.update(part, 0, part.length);
        }
        d.doFinal(digest, 0);
    }

    /** The second step of PolicySigned, PolicySecret and PolicyAuthorize: {@code H(policyDigest || policyRef)}. */
    public void updateRef(byte[] policyRef) {
        digest = hash.hash(digest, policyRef);
    }

    /** PolicyOR and PolicyAuthorize start over from the zero digest before they extend it. */
    public void clearDigest() {
        Arrays.fill(digest, (byte) 0);
    }

    public boolean authValueNeeded() {
        return authValueNeeded;
    }

    public boolean passwordNeeded() {
        return passwordNeeded;
    }

    /** After PolicyAuthValue the HMAC proves the authValue; after PolicyPassword it travels in clear. */
    public void requireAuthValue(boolean inClear) {
        authValueNeeded = !inClear;
        passwordNeeded = inClear;
    }

    /** The command the session is restricted to, or 0. */
    public int commandCode() {
        return commandCode;
    }

    public void commandCode(int code) {
        commandCode = code;
    }

    public Binding binding() {
        return binding;
    }

    public byte[] bindingDigest() {
        return bindingDigest.clone();
    }

    public void bind(Binding kind, byte[] value) {
        binding = kind;
        bindingDigest = value.clone();
    }

    /** The PCR update counter PolicyPCR saw, if it ran. */
    public Optional<Integer> pcrCounter() {
        return pcrChecked ? Optional.of(pcrCounter) : Optional.empty();
    }

    public void pcrCounter(int counter) {
        pcrChecked = true;
        pcrCounter = counter;
    }

    /** The TPM time after which the session no longer authorizes, or 0 for none. */
    public long timeout() {
        return timeout;
    }

    /** Keeps the earliest of the timeouts the session's assertions set. */
    public void limitTimeout(long value) {
        if (timeout == 0 || value < timeout) {
            timeout = value;
        }
    }

    /** Whether the timeout has passed, or counted in an earlier power cycle's time. */
    public boolean expired(long now, long currentEpoch) {
        return timeout != 0 && (timeout < now || epoch != currentEpoch);
    }

    public long startTime() {
        return startTime;
    }

    /** The TPMA_NV_WRITTEN state PolicyNvWritten asked for, if it ran. */
    public Optional<Boolean> nvWritten() {
        return nvWritten == NV_WRITTEN_UNCHECKED ? Optional.empty() : Optional.of(nvWritten == 1);
    }

    public void nvWritten(boolean written) {
        nvWritten = written ? 1 : 0;
    }

    /** The TPMA_LOCALITY PolicyLocality left: the localities a command may come from, or 0 for any. */
    public int locality() {
        return locality;
    }

    public void locality(int value) {
        locality = value;
    }

    /** Whether PolicyPhysicalPresence ran: the command needs the platform's physical-presence signal. */
    public boolean physicalPresenceRequired() {
        return physicalPresence;
    }

    public void requirePhysicalPresence() {
        physicalPresence = true;
    }

    /** The conditions version 3 of the session encoding added (PolicyLocality, PolicyPhysicalPresence). */
    void writeVersion3(TpmWriter out) {
        out.writeU8(locality);
        StateFields.writeBoolean(out, physicalPresence);
    }

    void readVersion3(TpmReader in) throws TpmFormatException {
        locality = in.readU8();
        physicalPresence = StateFields.readBoolean(in);
    }

    void write(TpmWriter out) {
        StateFields.writeBoolean(out, trial);
        StateFields.writeBytes(out, digest);
        StateFields.writeBoolean(out, authValueNeeded);
        StateFields.writeBoolean(out, passwordNeeded);
        out.writeU32(commandCode);
        out.writeU8(binding.ordinal());
        StateFields.writeBytes(out, bindingDigest);
        StateFields.writeBoolean(out, pcrChecked);
        out.writeU32(pcrCounter);
        out.writeU64(timeout);
        out.writeU8(nvWritten);
        out.writeU64(startTime);
        out.writeU64(epoch);
    }

    static PolicyState read(TpmReader in, HashAlgorithm hash) throws TpmFormatException {
        PolicyState policy = new PolicyState(hash, StateFields.readBoolean(in));
        policy.digest = StateFields.readBytesExactly(in, hash.digestSize());
        policy.authValueNeeded = StateFields.readBoolean(in);
        policy.passwordNeeded = StateFields.readBoolean(in);
        policy.commandCode = in.readU32();
        int kind = in.readU8();
        if (kind >= Binding.values().length) {
            throw new TpmFormatException(TpmRc.VALUE, "policy binding " + kind);
        }
        policy.binding = Binding.values()[kind];
        policy.bindingDigest = StateFields.readBytes(in, TpmLimits.MAX_DIGEST_SIZE);
        if ((policy.binding == Binding.NONE) != (policy.bindingDigest.length == 0)) {
            throw new TpmFormatException(TpmRc.SIZE, "policy binding digest of " + policy.bindingDigest.length);
        }
        policy.pcrChecked = StateFields.readBoolean(in);
        policy.pcrCounter = in.readU32();
        policy.timeout = in.readU64();
        policy.nvWritten = in.readU8();
        if (policy.nvWritten > NV_WRITTEN_UNCHECKED) {
            throw new TpmFormatException(TpmRc.VALUE, "policy NV written state " + policy.nvWritten);
        }
        policy.startTime = in.readU64();
        policy.epoch = in.readU64();
        return policy;
    }
}
