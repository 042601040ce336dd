package org.vtpm.tpm.eventlog;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The header event of a log: {@code TCG_EfiSpecIDEvent} ("Spec ID Event03", which makes the log
 * crypto-agile and lists the digest size of every algorithm its events carry) or the legacy
 * {@code TCG_PCClientSpecIDEventStruct} ("Spec ID Event00") of SHA-1 logs, which has no table.
 *
 * @param signature the 16-byte signature without its trailing NUL
 * @param uintnSize the size of UEFI's {@code UINTN} in units of {@code UINT32} (1 or 2)
 * @param digestSizes the algorithm table, empty for "Spec ID Event00"
 */
public record SpecIdEvent(String signature, int platformClass, int specVersionMinor, int specVersionMajor,
        int specErrata, int uintnSize, List<AlgorithmDigestSize> digestSizes, Bytes vendorInfo)
        implements EventData {

    public static final String CRYPTO_AGILE_SIGNATURE = "Spec ID Event03";
    public static final String LEGACY_SIGNATURE = "Spec ID Event00";

    /** One entry of the table: {@code TCG_EfiSpecIdEventAlgorithmSize}. */
    public record AlgorithmDigestSize(int algorithmId, int digestSize) {
        public String algorithmName() {
            return EventDigest.algorithmName(algorithmId);
        }
    }

    public SpecIdEvent {
        Objects.requireNonNull(signature, "signature");
        digestSizes = List.copyOf(digestSizes);
        Objects.requireNonNull(vendorInfo, "vendorInfo");
    }

    public boolean cryptoAgile() {
        return CRYPTO_AGILE_SIGNATURE.equals(signature);
    }

    /** The digest size the table declares for {@code algorithmId}. */
    public Optional<Integer> digestSize(int algorithmId) {
        return digestSizes.stream().filter(entry -> entry.algorithmId() == algorithmId)
                .map(AlgorithmDigestSize::digestSize).findFirst();
    }
}
