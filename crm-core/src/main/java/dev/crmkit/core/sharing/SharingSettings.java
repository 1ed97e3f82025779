package dev.crmkit.core.sharing;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Per kind of record ({@code "Lead"}, {@code "Account"}, {@code "Contact"}, {@code "Opportunity"}, {@code "Case"}),
 * how far it is seen by default: {@code Crm.builder().with(SharingSettings.defaults().with("Lead", Access.PUBLIC))}
 * opens leads to the whole tenant, {@code .seenByRole("Case", "SERVICE_AGENT")} opens cases to every actor with that
 * role. By default every kind is {@link Access#PRIVATE} and no role sees more than its own.
 */
public record SharingSettings(Map<String, Access> byKind, Map<String, Set<String>> rolesSeeingAll) {
    public SharingSettings {
        byKind = Map.copyOf(byKind);
        Map<String, Set<String>> roles = new HashMap<>();
        rolesSeeingAll.forEach((kind, names) -> roles.put(kind, Set.copyOf(names)));
        rolesSeeingAll = Map.copyOf(roles);
    }

    public static SharingSettings defaults() {
        return new SharingSettings(Map.of(), Map.of());
    }

    /** These settings with records of {@code kind} seen as {@code access}. */
    public SharingSettings with(String kind, Access access) {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(access, "access");
        HashMap<String, Access> next = new HashMap<>(byKind);
        next.put(kind, access);
        return new SharingSettings(next, rolesSeeingAll);
    }

    /** These settings with every record of {@code kind} seen by actors having {@code role} (and still by owners). */
    public SharingSettings seenByRole(String kind, String role) {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(role, "role");
        HashMap<String, Set<String>> next = new HashMap<>(rolesSeeingAll);
        Set<String> roles = new HashSet<>(next.getOrDefault(kind, Set.of()));
        roles.add(role);
        next.put(kind, roles);
        return new SharingSettings(byKind, next);
    }

    public Access of(String kind) {
        return byKind.getOrDefault(kind, Access.PRIVATE);
    }

    /** The roles whose actors see every record of {@code kind}. */
    public Set<String> rolesSeeingAll(String kind) {
        return rolesSeeingAll.getOrDefault(kind, Set.of());
    }
}
