package org.vtpm.tpm.attest;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The outcome of verifying evidence.
 *
 * @param verdict PASS exactly when there is no reason to fail
 * @param reasons every reason the evidence failed for, in the order the checks found them
 * @param learnedBaselines the baseline to store for each layer whose policy learns one and had
 *     none yet; only a passing attestation teaches one
 */
public record Verdict(Outcome verdict, List<Reason> reasons, Map<Layer, Baseline> learnedBaselines) {

    public enum Outcome {
        PASS,
        FAIL
    }

    public Verdict {
        Objects.requireNonNull(verdict, "verdict");
        reasons = List.copyOf(reasons);
        learnedBaselines = learnedBaselines.isEmpty() ? Map.of()
                : Collections.unmodifiableMap(new EnumMap<>(learnedBaselines));
        if ((verdict == Outcome.PASS) != reasons.isEmpty()) {
            throw new IllegalArgumentException("a verdict fails exactly when it has reasons");
        }
        if (verdict == Outcome.FAIL && !learnedBaselines.isEmpty()) {
            throw new IllegalArgumentException("a failed attestation teaches no baseline");
        }
    }

    static Verdict of(List<Reason> reasons, Map<Layer, Baseline> learned) {
        return reasons.isEmpty() ? new Verdict(Outcome.PASS, reasons, learned)
                : new Verdict(Outcome.FAIL, reasons, Map.of());
    }

    public boolean passed() {
        return verdict == Outcome.PASS;
    }
}
