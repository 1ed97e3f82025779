package dev.crmkit.core.sharing;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Per kind of record ({@code "Lead"}), how far it is seen by default: {@code Crm.builder().with(SharingSettings
 * .defaults().with("Lead", Access.PUBLIC))} opens leads to the whole tenant. By default every kind is
 * {@link Access#PRIVATE}.
 */
public record SharingSettings(Map<String, Access> byKind) {
    public SharingSettings {
        byKind = Map.copyOf(byKind);
    }

    public static SharingSettings defaults() {
        return new SharingSettings(Map.of());
    }

    /** These settings with records of {@code kind} seen as {@code access}. */
    public SharingSettings with(String kind, Access access) {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(access, "access");
        HashMap<String, Access> next = new HashMap<>(byKind);
        next.put(kind, access);
        return new SharingSettings(next);
    }

    public Access of(String kind) {
        return byKind.getOrDefault(kind, Access.PRIVATE);
    }
}
