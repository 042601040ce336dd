package org.vtpm.tpm.wire;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The arms of a TPMU_ union: which record type each selector value selects. A union interface
 * publishes one in a static field named {@code UNION}; a record component annotated
 * {@link Selector} reads it.
 *
 * @param <U> the union interface every arm implements
 */
public final class Union<U> {

    private final Map<Integer, Class<? extends U>> arms;
    private final TpmRc error;

    private Union(Map<Integer, Class<? extends U>> arms, TpmRc error) {
        this.arms = Map.copyOf(arms);
        this.error = error;
    }

    /** @param error the code for a selector with no arm, normally {@code TPM_RC_SELECTOR} */
    public static <U> Builder<U> builder(TpmRc error) {
        return new Builder<>(error);
    }

    public Optional<Class<? extends U>> arm(int selector) {
        return Optional.ofNullable(arms.get(selector));
    }

    public TpmRc error() {
        return error;
    }

    public static final class Builder<U> {
        private final Map<Integer, Class<? extends U>> arms = new HashMap<>();
        private final TpmRc error;

        private Builder(TpmRc error) {
            this.error = error;
        }

        public Builder<U> arm(TpmValue selector, Class<? extends U> type) {
            return arm(selector.value(), type);
        }

        public Builder<U> arm(int selector, Class<? extends U> type) {
            if (arms.putIfAbsent(selector, type) != null) {
                throw new IllegalArgumentException("selector 0x" + Integer.toHexString(selector) + " twice");
            }
            return this;
        }

        public Union<U> build() {
            return new Union<>(arms, error);
        }
    }
}
