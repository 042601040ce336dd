package org.vtpm.manager.keys;

import java.util.Objects;
import java.util.Optional;

import org.vtpm.tpm.types.PcrSelectionList;
import org.vtpm.tpm.types.Private;
import org.vtpm.tpm.types.Public;
import org.vtpm.tpm.wire.Codecs;
import org.vtpm.tpm.wire.TpmFormatException;
import org.vtpm.tpm.wire.TpmReader;
import org.vtpm.tpm.wire.TpmWriter;

/**
 * The manager KEK as stored outside the TPM: a sealed data object under the physical TPM's storage
 * primary key (its public area, and its private area, which only that TPM can decrypt), and the
 * host PCRs its policy is bound to, if any. Nothing here reveals the KEK.
 *
 * <p>{@link #encoded} is {@code "vKEK" || format(1) || TPM2B_PUBLIC || TPM2B_PRIVATE || bound(1)
 * [|| TPML_PCR_SELECTION]}.
 */
public record SealedKek(Public publicArea, Private privateArea, Optional<PcrBinding> pcrs) {

    private static final int MAGIC = 0x764B_454B;
    private static final int FORMAT = 1;

    public SealedKek {
        Objects.requireNonNull(publicArea, "publicArea");
        Objects.requireNonNull(privateArea, "privateArea");
        Objects.requireNonNull(pcrs, "pcrs");
    }

    public byte[] encoded() {
        TpmWriter out = new TpmWriter();
        out.writeU32(MAGIC).writeU8(FORMAT);
        byte[] publicBytes = Codecs.marshal(publicArea);
        out.writeU16(publicBytes.length).writeBytes(publicBytes);
        out.writeBytes(Codecs.marshal(privateArea));
        out.writeU8(pcrs.isPresent() ? 1 : 0);
        pcrs.ifPresent(binding -> out.writeBytes(Codecs.marshal(binding.selection())));
        return out.toByteArray();
    }

    /**
     * Reads what {@link #encoded} wrote.
     *
     * @throws KeyProtectionException when {@code encoded} is not a well-formed sealed KEK
     */
    public static SealedKek decode(byte[] encoded) throws KeyProtectionException {
        try {
            TpmReader in = new TpmReader(encoded);
            if (in.readU32() != MAGIC) {
                throw new KeyProtectionException("the stored sealed KEK does not start with its magic number");
            }
            int format = in.readU8();
            if (format != FORMAT) {
                throw new KeyProtectionException("the stored sealed KEK has format " + format + ", this manager reads "
                        + FORMAT);
            }
            Public publicArea = Codecs.unmarshal(Public.class, in.readBytes(in.readU16()));
            Private privateArea = Codecs.of(Private.class).read(in, false);
            int bound = in.readU8();
            Optional<PcrBinding> pcrs = Optional.empty();
            if (bound == 1) {
                pcrs = Optional.of(PcrBinding.of(Codecs.of(PcrSelectionList.class).read(in, false)));
            } else if (bound != 0) {
                throw new KeyProtectionException("the stored sealed KEK has an invalid PCR-binding flag " + bound);
            }
            in.requireEnd();
            return new SealedKek(publicArea, privateArea, pcrs);
        } catch (TpmFormatException | IllegalArgumentException e) {
            throw new KeyProtectionException("the stored sealed KEK is malformed: " + e.getMessage(), e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SealedKek other && publicArea.equals(other.publicArea)
                && privateArea.equals(other.privateArea) && pcrs.equals(other.pcrs);
    }

    @Override
    public int hashCode() {
        return Objects.hash(publicArea, privateArea, pcrs);
    }

    @Override
    public String toString() {
        return "SealedKek[private " + privateArea.size() + " bytes, "
                + pcrs.map(p -> "bound to PCRs " + p).orElse("not bound to PCRs") + "]";
    }
}
