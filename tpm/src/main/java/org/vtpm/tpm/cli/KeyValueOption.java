package org.vtpm.tpm.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One swtpm-style option value: {@code key=value,key,...}. Keys without a value are flags. Unknown
 * or repeated keys are usage errors, so a typo never silently falls back to a default.
 */
final class KeyValueOption {

    private final String option;
    private final Map<String, String> values;

    private KeyValueOption(String option, Map<String, String> values) {
        this.option = option;
        this.values = values;
    }

    /**
     * @param option  the option's name, for messages ("--server")
     * @param allowed the keys this option takes
     */
    static KeyValueOption parse(String option, String text, Set<String> allowed) throws UsageException {
        Map<String, String> values = new LinkedHashMap<>();
        for (String part : text.split(",", -1)) {
            int equals = part.indexOf('=');
            String key = equals < 0 ? part : part.substring(0, equals);
            String value = equals < 0 ? "" : part.substring(equals + 1);
            if (!allowed.contains(key)) {
                throw new UsageException(option + ": " + (key.isEmpty() ? "empty parameter" : "unsupported parameter '"
                        + key + "'") + " (supported: " + String.join(", ", allowed) + ")");
            }
            if (values.put(key, value) != null) {
                throw new UsageException(option + ": '" + key + "' given twice");
            }
        }
        return new KeyValueOption(option, values);
    }

    Optional<String> get(String key) {
        return Optional.ofNullable(values.get(key));
    }

    boolean has(String key) {
        return values.containsKey(key);
    }

    /** A value that must not be empty when the key is present. */
    Optional<String> nonEmpty(String key) throws UsageException {
        Optional<String> value = get(key);
        if (value.isPresent() && value.get().isEmpty()) {
            throw new UsageException(option + ": '" + key + "' needs a value");
        }
        return value;
    }

    Optional<Integer> port(String key) throws UsageException {
        Optional<String> value = nonEmpty(key);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(SocketOptions.port(option + " " + key, value.get()));
    }
}
