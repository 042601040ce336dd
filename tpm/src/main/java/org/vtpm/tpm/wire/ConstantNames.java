package org.vtpm.tpm.wire;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.Map;
import java.util.function.ToIntFunction;

/**
 * Builds the value-to-name table of a class of specification constants from its own public
 * static fields, so a constant's printed name cannot drift from its Java name.
 */
public final class ConstantNames {

    private ConstantNames() {
    }

    /**
     * Maps each value to {@code prefix + FIELD_NAME}; the first field wins when two share a value
     * (the specification lists the canonical name first). Call it from the last static
     * initializer of {@code type}, after every constant exists.
     */
    public static <T> Map<Integer, String> scan(Class<T> type, String prefix, ToIntFunction<T> value) {
        Map<Integer, String> names = new HashMap<>();
        for (Field field : type.getDeclaredFields()) {
            int modifiers = field.getModifiers();
            if (Modifier.isPublic(modifiers) && Modifier.isStatic(modifiers) && field.getType() == type) {
                try {
                    names.putIfAbsent(value.applyAsInt(type.cast(field.get(null))), prefix + field.getName());
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return Map.copyOf(names);
    }
}
