package org.vtpm.bench.report;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code key=value} arguments of the benchmark mains (run.sh maps its environment knobs onto
 * them). Unknown keys are rejected, so a mistyped knob is not silently ignored.
 */
public final class Arguments {

    private final Map<String, String> values;

    private Arguments(Map<String, String> values) {
        this.values = values;
    }

    public static Arguments parse(String[] args, Set<String> known) {
        Map<String, String> values = new HashMap<>();
        for (String arg : args) {
            int equals = arg.indexOf('=');
            if (equals <= 0) {
                throw new IllegalArgumentException("expected key=value, got '" + arg + "'");
            }
            String key = arg.substring(0, equals);
            if (!known.contains(key)) {
                throw new IllegalArgumentException("unknown argument '" + key + "'; known: " + known);
            }
            values.put(key, arg.substring(equals + 1));
        }
        return new Arguments(values);
    }

    public String string(String key, String fallback) {
        return values.getOrDefault(key, fallback);
    }

    public int integer(String key, int fallback) {
        String value = values.get(key);
        if (value == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + ": not a number: '" + value + "'", e);
        }
    }

    /** A duration in milliseconds ({@code 1500}) or with a unit ({@code 1500ms}, {@code 2s}). */
    public Duration duration(String key, Duration fallback) {
        String value = values.get(key);
        if (value == null) {
            return fallback;
        }
        try {
            if (value.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(value.substring(0, value.length() - 2)));
            }
            if (value.endsWith("s")) {
                return Duration.ofMillis(Math.round(Double.parseDouble(value.substring(0, value.length() - 1)) * 1000));
            }
            return Duration.ofMillis(Long.parseLong(value));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + ": not a duration: '" + value + "'", e);
        }
    }

    public Path path(String key, Path fallback) {
        String value = values.get(key);
        return value == null ? fallback : Path.of(value);
    }

    /** A comma-separated list; {@code fallback} when absent. */
    public List<String> list(String key, List<String> fallback) {
        String value = values.get(key);
        return value == null || value.isBlank() ? fallback : List.of(value.split(","));
    }
}
