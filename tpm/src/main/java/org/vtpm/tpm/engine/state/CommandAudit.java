package org.vtpm.tpm.engine.state;

import java.util.List;
import java.util.TreeSet;

import org.bouncycastle.crypto.Digest;
import org.vtpm.tpm.crypto.HashAlgorithm;
import org.vtpm.tpm.types.Cc;
import org.vtpm.tpm.wire.TpmFormatException;
import org.vtpm.tpm.wire.TpmReader;
import org.vtpm.tpm.wire.TpmRc;
import org.vtpm.tpm.wire.TpmWriter;

/**
 * Command audit (Part 1, 19.6.17): which command codes are audited, the hash of the audit, the
 * audit counter (which counts audit digests started) and the running audit digest, which a TPM
 * Reset or a signed TPM2_GetCommandAuditDigest clears.
 */
public final class CommandAudit {

    /** The most command codes the state may hold: the TPM_CC range of this library's commands. */
    private static final int MAX_COMMANDS = 256;

    private final TreeSet<Integer> commands;
    private HashAlgorithm hash;
    private long counter;
    /** Empty while cleared: the next audited command starts a new digest and counts it. */
    private byte[] digest;
    /** Set by a change of the audit hash: the command that changed it is not audited, and the digest clears. */
    private boolean hashChanged;

    private CommandAudit(TreeSet<Integer> commands, HashAlgorithm hash, long counter, byte[] digest,
            boolean hashChanged) {
        this.commands = commands;
        this.hash = hash;
        this.counter = counter;
        this.digest = digest;
        this.hashChanged = hashChanged;
    }

    /** As manufactured: only TPM2_SetCommandCodeAuditStatus, which is always audited, with SHA-256. */
    public static CommandAudit manufactured() {
        TreeSet<Integer> commands = new TreeSet<>();
        commands.add(Cc.SET_COMMAND_CODE_AUDIT_STATUS.value());
        return new CommandAudit(commands, HashAlgorithm.SHA256, 0, new byte[0], false);
    }

    public HashAlgorithm hash() {
        return hash;
    }

    public long counter() {
        return counter;
    }

    /** The audit digest, or empty while cleared. */
    public byte[] digest() {
        return digest.clone();
    }

    public boolean isAudited(Cc code) {
        return commands.contains(code.value());
    }

    /** The audited command codes, in order. */
    public List<Integer> commands() {
        return List.copyOf(commands);
    }

    /** @return whether the list changed (TPM2_Shutdown is never audited; the caller checks implementation) */
    public boolean set(Cc code) {
        return !code.equals(Cc.SHUTDOWN) && commands.add(code.value());
    }

    /** @return whether the list changed (TPM2_SetCommandCodeAuditStatus stays audited) */
    public boolean clear(Cc code) {
        return !code.equals(Cc.SET_COMMAND_CODE_AUDIT_STATUS) && commands.remove(code.value());
    }

    public void changeHash(HashAlgorithm newHash) {
        hash = newHash;
        hashChanged = true;
    }

    /** {@code auditDigest := H(auditDigest || cpHash || rpHash)}, from zeros (and one count more) when cleared. */
    public void extend(byte[] cpHash, byte[] rpHash) {
        if (hashChanged) {
            hashChanged = false;
            digest = new byte[0];
            return;
        }
        if (digest.length == 0) {
            digest = new byte[hash.digestSize()];
            counter++;
        }
        Digest d = hash.newDigest();
        d.update(digest, 0, digest.length);
        d.update(cpHash, 0, cpHash.length);
        d.update(rpHash, 0, rpHash.length);
        d.doFinal(digest, 0);
    }

    /** TPM Reset, and a signed audit report: the next audited command starts a new digest. */
    public void clearDigest() {
        digest = new byte[0];
    }

    public void write(TpmWriter out) {
        out.writeU16(hash.algId());
        out.writeU64(counter);
        StateFields.writeBytes(out, digest);
        StateFields.writeBoolean(out, hashChanged);
        out.writeU16(commands.size());
        for (int code : commands) {
            out.writeU32(code);
        }
    }

    public static CommandAudit read(StateReader.Section section) throws TpmFormatException {
        TpmReader in = section.body();
        int alg = in.readU16();
        HashAlgorithm hash = PcrBanks.bank(alg)
                .orElseThrow(() -> new TpmFormatException(TpmRc.HASH, "audit hash 0x" + Integer.toHexString(alg)));
        long counter = in.readU64();
        byte[] digest = StateFields.readBytes(in, HashAlgorithm.SHA512.digestSize());
        if (digest.length != 0 && digest.length != hash.digestSize()) {
            throw new TpmFormatException(TpmRc.SIZE, "audit digest of " + digest.length);
        }
        boolean hashChanged = StateFields.readBoolean(in);
        int count = in.readU16();
        if (count > MAX_COMMANDS) {
            throw new TpmFormatException(TpmRc.SIZE, count + " audited commands");
        }
        TreeSet<Integer> commands = new TreeSet<>();
        for (int i = 0; i < count; i++) {
            commands.add(in.readU32());
        }
        in.requireEnd();
        return new CommandAudit(commands, hash, counter, digest, hashChanged);
    }
}
