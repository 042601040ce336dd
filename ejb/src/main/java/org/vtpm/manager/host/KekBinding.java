package org.vtpm.manager.host;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

import org.vtpm.manager.keys.PcrBinding;
import org.vtpm.tpm.crypto.HashAlgorithm;

/**
 * The host PCRs a new KEK is sealed to, from the system property {@value #PROPERTY}
 * ({@code sha256:0,2,4,7}; unset for none). Binding the KEK to the host's measured boot means a
 * host that booted something else cannot release any vTPM's state.
 */
final class KekBinding {

    static final String PROPERTY = "vtpm.kek.pcrs";

    private KekBinding() {
    }

    static Optional<PcrBinding> configured() {
        String value = System.getProperty(PROPERTY, "").trim();
        return value.isEmpty() ? Optional.empty() : Optional.of(parse(value));
    }

    static PcrBinding parse(String value) {
        int colon = value.indexOf(':');
        if (colon < 1) {
            throw new IllegalArgumentException(PROPERTY + " must look like sha256:0,2,4,7, not '" + value + "'");
        }
        HashAlgorithm bank;
        try {
            bank = HashAlgorithm.valueOf(value.substring(0, colon).trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(PROPERTY + " names an unknown PCR bank: '" + value.substring(0, colon)
                    + "'", e);
        }
        try {
            return PcrBinding.of(bank, Arrays.stream(value.substring(colon + 1).split(","))
                    .map(String::trim)
                    .mapToInt(Integer::parseInt)
                    .toArray());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(PROPERTY + " lists PCRs as numbers: '" + value + "'", e);
        }
    }
}
