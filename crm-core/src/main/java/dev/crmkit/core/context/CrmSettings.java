package dev.crmkit.core.context;

import java.util.Map;
import java.util.function.Supplier;

/**
 * Configuration objects by type (scoring rules, dedupe thresholds, ...) and host-provided ports (a quote sender),
 * given to the builder with {@code with}.
 */
final class CrmSettings {
    private final Map<Class<?>, Object> byType;

    CrmSettings(Map<Class<?>, Object> byType) {
        this.byType = Map.copyOf(byType);
    }

    <T> T get(Class<T> type, Supplier<T> defaults) {
        Object value = byType.get(type);
        if (value == null && type.isInterface()) {
            // A port is given as an implementation (often a lambda or mock), registered under its own class.
            value = byType.values().stream().filter(type::isInstance).findFirst().orElse(null);
        }
        return value == null ? defaults.get() : type.cast(value);
    }
}
