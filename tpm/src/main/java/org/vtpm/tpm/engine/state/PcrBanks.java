package org.vtpm.tpm.engine.state;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.vtpm.tpm.crypto.HashAlgorithm;
import org.vtpm.tpm.wire.TpmFormatException;
import org.vtpm.tpm.wire.TpmReader;
import org.vtpm.tpm.wire.TpmRc;
import org.vtpm.tpm.wire.TpmWriter;

/**
 * The PCR banks: SHA-1, SHA-256 and SHA-384, each with all {@link PcClientPcrs#COUNT} PCRs
 * allocated, the PCR update counter, and the values Shutdown(STATE) saved for Startup(STATE).
 */
public final class PcrBanks {

    /** The banks, in TPM_ALG_ID order (the order GetCapability and PCR_Event report them in). */
    public static final List<HashAlgorithm> BANKS = List.of(HashAlgorithm.SHA1, HashAlgorithm.SHA256,
            HashAlgorithm.SHA384);

    private final byte[][][] values;
    private byte[][][] saved;
    private int updateCounter;

    private PcrBanks(byte[][][] values, byte[][][] saved, int updateCounter) {
        this.values = values;
        this.saved = saved;
        this.updateCounter = updateCounter;
    }

    /** Banks of a TPM just manufactured: startup values, nothing counted yet. */
    public static PcrBanks initial() {
        PcrBanks banks = new PcrBanks(new byte[BANKS.size()][PcClientPcrs.COUNT][], null, 0);
        banks.initialize(false, 0);
        banks.updateCounter = 0;
        return banks;
    }

    /** The bank of {@code algId}, if allocated. */
    public static Optional<HashAlgorithm> bank(int algId) {
        for (HashAlgorithm alg : BANKS) {
            if (alg.algId() == algId) {
                return Optional.of(alg);
            }
        }
        return Optional.empty();
    }

    /** TPM Reset: every PCR to its startup value, and the update counter starts over. */
    public void reset(int startupLocality) {
        updateCounter = 0;
        initialize(false, startupLocality);
    }

    /** TPM Restart: every PCR to its startup value; the update counter goes on. */
    public void restart(int startupLocality) {
        initialize(false, startupLocality);
    }

    /** TPM Resume: the PCRs Shutdown(STATE) saved come back, the others take their startup values. */
    public void resume(int startupLocality) {
        initialize(true, startupLocality);
    }

    /**
     * Startup values are zero, except for the D-RTM PCRs (all ones until a D-RTM event) and PCR 0,
     * whose last octet records the startup locality. Each PCR given its startup value counts as a
     * change.
     */
    private void initialize(boolean resume, int startupLocality) {
        for (int pcr = 0; pcr < PcClientPcrs.COUNT; pcr++) {
            boolean keep = resume && saved != null && PcClientPcrs.isStateSaved(pcr);
            if (!keep) {
                changed(pcr);
            }
            for (int b = 0; b < BANKS.size(); b++) {
                values[b][pcr] = keep ? saved[b][pcr].clone() : startupValue(BANKS.get(b), pcr, startupLocality);
            }
        }
    }

    /** Shutdown(STATE): remembers the PCRs that Startup(STATE) restores. */
    public void save() {
        saved = new byte[BANKS.size()][PcClientPcrs.COUNT][];
        for (int b = 0; b < BANKS.size(); b++) {
            for (int pcr = 0; pcr < PcClientPcrs.COUNT; pcr++) {
                saved[b][pcr] = values[b][pcr].clone();
            }
        }
    }

    /** Forgets the saved PCRs (any startup consumes them). */
    public void discardSaved() {
        saved = null;
    }

    private static byte[] startupValue(HashAlgorithm alg, int pcr, int startupLocality) {
        byte[] value = new byte[alg.digestSize()];
        if (PcClientPcrs.isDrtm(pcr)) {
            Arrays.fill(value, (byte) 0xFF);
        } else if (pcr == 0) {
            value[value.length - 1] = (byte) startupLocality;
        }
        return value;
    }

    public byte[] read(HashAlgorithm bank, int pcr) {
        return values[index(bank)][pcr].clone();
    }

    /**
     * PCR := H(PCR || digest) in one bank; the digest has the bank's size. Like the reference
     * implementation, each bank extended counts as one change.
     */
    public void extend(HashAlgorithm bank, int pcr, byte[] digest) {
        int b = index(bank);
        values[b][pcr] = bank.hash(values[b][pcr], digest);
        changed(pcr);
    }

    /** A PCR_Reset or D-RTM reset: zero in every bank. */
    public void resetPcr(int pcr) {
        for (int b = 0; b < BANKS.size(); b++) {
            values[b][pcr] = new byte[BANKS.get(b).digestSize()];
        }
    }

    /** Counts a change of {@code pcr} that was not an extend: a reset or a startup value. */
    public void changed(int pcr) {
        if (!PcClientPcrs.isNoIncrement(pcr)) {
            updateCounter++;
        }
    }

    public int updateCounter() {
        return updateCounter;
    }

    private static int index(HashAlgorithm bank) {
        int b = BANKS.indexOf(bank);
        if (b < 0) {
            throw new IllegalArgumentException(bank + " is not a PCR bank");
        }
        return b;
    }

    public void write(TpmWriter out) {
        out.writeU8(BANKS.size());
        for (int b = 0; b < BANKS.size(); b++) {
            out.writeU16(BANKS.get(b).algId()).writeU8(PcClientPcrs.COUNT);
            writeValues(out, values[b]);
        }
        StateFields.writeBoolean(out, saved != null);
        if (saved != null) {
            for (byte[][] bank : saved) {
                writeValues(out, bank);
            }
        }
        out.writeU32(updateCounter);
    }

    private static void writeValues(TpmWriter out, byte[][] bank) {
        for (byte[] value : bank) {
            out.writeBytes(value);
        }
    }

    public static PcrBanks read(StateReader.Section section) throws TpmFormatException {
        TpmReader in = section.body();
        int bankCount = in.readU8();
        if (bankCount != BANKS.size()) {
            throw new TpmFormatException(TpmRc.VALUE, bankCount + " PCR banks");
        }
        byte[][][] values = new byte[BANKS.size()][][];
        for (int b = 0; b < BANKS.size(); b++) {
            int alg = in.readU16();
            int count = in.readU8();
            if (alg != BANKS.get(b).algId() || count != PcClientPcrs.COUNT) {
                throw new TpmFormatException(TpmRc.VALUE, "PCR bank 0x" + Integer.toHexString(alg) + " of " + count);
            }
            values[b] = readValues(in, BANKS.get(b));
        }
        byte[][][] saved = null;
        if (StateFields.readBoolean(in)) {
            saved = new byte[BANKS.size()][][];
            for (int b = 0; b < BANKS.size(); b++) {
                saved[b] = readValues(in, BANKS.get(b));
            }
        }
        int counter = in.readU32();
        in.requireEnd();
        return new PcrBanks(values, saved, counter);
    }

    private static byte[][] readValues(TpmReader in, HashAlgorithm alg) throws TpmFormatException {
        byte[][] bank = new byte[PcClientPcrs.COUNT][];
        for (int pcr = 0; pcr < bank.length; pcr++) {
            bank[pcr] = in.readBytes(alg.digestSize());
        }
        return bank;
    }
}
