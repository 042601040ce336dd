package org.vtpm.tpm.engine.state;

import java.util.ArrayList;
import java.util.List;

import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.digests.EncodableDigest;
import org.bouncycastle.crypto.digests.SHA1Digest;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.digests.SHA384Digest;
import org.vtpm.tpm.crypto.HashAlgorithm;
import org.vtpm.tpm.wire.TpmFormatException;
import org.vtpm.tpm.wire.TpmReader;
import org.vtpm.tpm.wire.TpmRc;
import org.vtpm.tpm.wire.TpmWriter;

/**
 * A hash or event sequence object (Part 1, 17.5.2): one running digest, or one per PCR bank for an
 * event sequence, plus what a ticket needs to know about the data's first block.
 */
public final class HashSequence implements Sequence {

    private static final int MAX_DIGEST_STATE = 512;

    private final byte[] authValue;
    private final boolean event;
    private final List<HashAlgorithm> algorithms;
    private final List<Digest> digests;
    private boolean firstBlockSeen;
    private boolean ticketSafe;

    private HashSequence(byte[] authValue, boolean event, List<HashAlgorithm> algorithms, List<Digest> digests,
            boolean firstBlockSeen, boolean ticketSafe) {
        this.authValue = authValue;
        this.event = event;
        this.algorithms = algorithms;
        this.digests = digests;
        this.firstBlockSeen = firstBlockSeen;
        this.ticketSafe = ticketSafe;
    }

    /** A hash sequence (one algorithm) or, for {@code event}, an event sequence over {@code algorithms}. */
    public static HashSequence start(byte[] authValue, boolean event, List<HashAlgorithm> algorithms) {
        List<Digest> digests = new ArrayList<>(algorithms.size());
        for (HashAlgorithm alg : algorithms) {
            digests.add(alg.newDigest());
        }
        return new HashSequence(authValue.clone(), event, List.copyOf(algorithms), digests, false, false);
    }

    @Override
    public byte[] authValue() {
        return authValue.clone();
    }

    @Override
    public boolean isDaExempt() {
        return true;
    }

    public boolean isEvent() {
        return event;
    }

    public List<HashAlgorithm> algorithms() {
        return algorithms;
    }

    /**
     * Adds data. The first block decides whether the result may get a ticket: data that starts like
     * a TPM-generated structure must not be vouched for as external.
     */
    @Override
    public void update(byte[] data) {
        if (!firstBlockSeen) {
            firstBlockSeen = true;
            ticketSafe = !startsWithGeneratedValue(data);
        }
        for (Digest digest : digests) {
            digest.update(data, 0, data.length);
        }
    }

    /** Whether a hashcheck ticket may vouch for the data (decided at the first block, or now). */
    public boolean ticketSafe() {
        return ticketSafe;
    }

    /** The digests of everything added, in {@link #algorithms()} order; the sequence is spent. */
    public List<byte[]> finish() {
        List<byte[]> out = new ArrayList<>(digests.size());
        for (Digest digest : digests) {
            byte[] value = new byte[digest.getDigestSize()];
            digest.doFinal(value, 0);
            out.add(value);
        }
        return out;
    }

    private static boolean startsWithGeneratedValue(byte[] data) {
        return data.length >= 4 && data[0] == (byte) 0xFF && data[1] == 'T' && data[2] == 'C' && data[3] == 'G';
    }

    @Override
    public void write(TpmWriter out) {
        StateFields.writeBytes(out, authValue);
        StateFields.writeBoolean(out, event);
        StateFields.writeBoolean(out, firstBlockSeen);
        StateFields.writeBoolean(out, ticketSafe);
        out.writeU8(algorithms.size());
        for (int i = 0; i < algorithms.size(); i++) {
            out.writeU16(algorithms.get(i).algId());
            StateFields.writeBytes(out, ((EncodableDigest) digests.get(i)).getEncodedState());
        }
    }

    static HashSequence read(TpmReader in) throws TpmFormatException {
        byte[] authValue = StateFields.readBytes(in, HashAlgorithm.SHA512.digestSize());
        boolean event = StateFields.readBoolean(in);
        boolean firstBlockSeen = StateFields.readBoolean(in);
        boolean ticketSafe = StateFields.readBoolean(in);
        int count = in.readU8();
        if (count == 0 || count > PcrBanks.BANKS.size()) {
            throw new TpmFormatException(TpmRc.VALUE, count + " digests in a sequence");
        }
        List<HashAlgorithm> algorithms = new ArrayList<>(count);
        List<Digest> digests = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int alg = in.readU16();
            byte[] encoded = StateFields.readBytes(in, MAX_DIGEST_STATE);
            HashAlgorithm hash = PcrBanks.bank(alg)
                    .orElseThrow(() -> new TpmFormatException(TpmRc.HASH, "sequence hash 0x" + Integer.toHexString(alg)));
            algorithms.add(hash);
            digests.add(restoreDigest(hash, encoded));
        }
        return new HashSequence(authValue, event, List.copyOf(algorithms), digests, firstBlockSeen, ticketSafe);
    }

    private static Digest restoreDigest(HashAlgorithm hash, byte[] encoded) throws TpmFormatException {
        try {
            return switch (hash) {
                case SHA1 -> new SHA1Digest(encoded);
                case SHA256 -> new SHA256Digest(encoded);
                case SHA384 -> new SHA384Digest(encoded);
                default -> throw new TpmFormatException(TpmRc.HASH, "sequence hash " + hash);
            };
        } catch (RuntimeException e) {
            throw new TpmFormatException(TpmRc.INTEGRITY, "digest state of " + hash + ": " + e.getMessage());
        }
    }
}
