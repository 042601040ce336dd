package org.vtpm.tpm.engine.state;

import org.vtpm.tpm.wire.TpmFormatException;
import org.vtpm.tpm.wire.TpmReader;
import org.vtpm.tpm.wire.TpmWriter;

/**
 * Dictionary-attack protection (Part 1, 19.8): failed authorizations of protected entities count
 * up to {@code maxTries}, at which the TPM is in lockout; one failure is forgiven every
 * {@code recoveryTime} seconds of clock. A failed lockoutAuth locks the lockout entity itself for
 * {@code lockoutRecovery} seconds (until the next TPM Reset when that is zero). A power loss
 * without TPM2_Shutdown after a protected authorization counts as one failure, since it might have
 * cut off the counting of a failed try.
 */
public final class DictionaryAttack {

    private static final long MILLIS = 1000L;

    private int failedTries;
    private int maxTries;
    private int recoveryTime;
    private int lockoutRecovery;
    private long lastRecovery;
    private boolean lockoutLocked;
    private long lockoutLockedAt;
    private boolean used;

    private DictionaryAttack(int failedTries, int maxTries, int recoveryTime, int lockoutRecovery, long lastRecovery,
            boolean lockoutLocked, long lockoutLockedAt, boolean used) {
        this.failedTries = failedTries;
        this.maxTries = maxTries;
        this.recoveryTime = recoveryTime;
        this.lockoutRecovery = lockoutRecovery;
        this.lastRecovery = lastRecovery;
        this.lockoutLocked = lockoutLocked;
        this.lockoutLockedAt = lockoutLockedAt;
        this.used = used;
    }

    /** The reference implementation's defaults: three tries, 1000 s to forgive one, 1000 s for lockoutAuth. */
    public static DictionaryAttack manufactured() {
        return new DictionaryAttack(0, 3, 1000, 1000, 0, false, 0, false);
    }

    /** Forgives failures and ends a lockoutAuth lock as clock time has passed. */
    public void recover(long clockMillis) {
        if (recoveryTime == 0 || failedTries == 0) {
            lastRecovery = clockMillis;
        } else {
            long forgiven = (clockMillis - lastRecovery) / (recoveryTime * MILLIS);
            if (forgiven > 0) {
                failedTries = (int) Math.max(0, failedTries - forgiven);
                lastRecovery += forgiven * recoveryTime * MILLIS;
            }
        }
        if (lockoutLocked && lockoutRecovery != 0 && clockMillis - lockoutLockedAt >= lockoutRecovery * MILLIS) {
            lockoutLocked = false;
        }
    }

    public boolean inLockout() {
        return maxTries == 0 || failedTries >= maxTries;
    }

    public boolean lockoutAuthLocked() {
        return lockoutLocked;
    }

    /** A protected entity's authorization is about to be checked. */
    public void use() {
        used = true;
    }

    /** TPM2_Startup: after a shutdown out of order, protected authorizations since count as a failure. */
    public void startup(boolean orderly, long clockMillis) {
        if (!orderly && used) {
            failed(clockMillis);
        }
        used = false;
    }

    public void failed(long clockMillis) {
        if (failedTries < maxTries) {
            failedTries++;
        }
        if (failedTries == 1) {
            lastRecovery = clockMillis;
        }
    }

    public void lockoutFailed(long clockMillis) {
        lockoutLocked = true;
        lockoutLockedAt = clockMillis;
    }

    /** TPM Reset: a lockoutAuth lock without a recovery time ends here. */
    public void reset() {
        if (lockoutRecovery == 0) {
            lockoutLocked = false;
        }
    }

    /** TPM2_Clear: back to the manufactured parameters, no failures, lockoutAuth usable. */
    public void clear() {
        DictionaryAttack fresh = manufactured();
        failedTries = fresh.failedTries;
        maxTries = fresh.maxTries;
        recoveryTime = fresh.recoveryTime;
        lockoutRecovery = fresh.lockoutRecovery;
        lastRecovery = fresh.lastRecovery;
        lockoutLocked = fresh.lockoutLocked;
        lockoutLockedAt = fresh.lockoutLockedAt;
        used = fresh.used;
    }

    public void lockReset() {
        failedTries = 0;
    }

    public void parameters(int newMaxTries, int newRecoveryTime, int newLockoutRecovery) {
        maxTries = newMaxTries;
        recoveryTime = newRecoveryTime;
        lockoutRecovery = newLockoutRecovery;
        failedTries = Math.min(failedTries, maxTries);
    }

    public int failedTries() {
        return failedTries;
    }

    public int maxTries() {
        return maxTries;
    }

    public int recoveryTime() {
        return recoveryTime;
    }

    public int lockoutRecovery() {
        return lockoutRecovery;
    }

    public void write(TpmWriter out) {
        out.writeU32(failedTries).writeU32(maxTries).writeU32(recoveryTime).writeU32(lockoutRecovery)
                .writeU64(lastRecovery);
        StateFields.writeBoolean(out, lockoutLocked);
        out.writeU64(lockoutLockedAt);
        StateFields.writeBoolean(out, used);
    }

    public static DictionaryAttack read(StateReader.Section section) throws TpmFormatException {
        TpmReader in = section.body();
        DictionaryAttack da = new DictionaryAttack(in.readU32(), in.readU32(), in.readU32(), in.readU32(),
                in.readU64(), StateFields.readBoolean(in), in.readU64(), StateFields.readBoolean(in));
        in.requireEnd();
        return da;
    }
}
