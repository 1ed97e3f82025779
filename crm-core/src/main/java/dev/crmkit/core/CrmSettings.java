package dev.crmkit.core;

import java.util.Map;
import java.util.function.Supplier;

/** Configuration objects by type (scoring rules, dedupe thresholds, ...), given to the builder with {@code with}. */
final class CrmSettings {
    private final Map<Class<?>, Object> byType;

    CrmSettings(Map<Class<?>, Object> byType) {
        this.byType = Map.copyOf(byType);
    }

    <T> T get(Class<T> type, Supplier<T> defaults) {
        Object value = byType.get(type);
        return value == null ? defaults.get() : type.cast(value);
    }
}
