package dev.crmkit.core.common;

import java.util.Objects;
import java.util.Set;

/**
 * Who is calling: every service call acts for an actor. The tenant decides which data is visible; the roles decide
 * what may be done.
 */
public record Actor(TenantId tenant, UserId user, Set<String> roles) {
    /** Role of a sales manager: may assign work to other reps. */
    public static final String MANAGER = "MANAGER";
    /** Role of an administrator: may configure rules and merge records. */
    public static final String ADMIN = "ADMIN";

    public Actor {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(user, "user");
        roles = Set.copyOf(roles);
    }

    /** The actor single-tenant hosts act as: default tenant, system user, all roles. */
    public static Actor system() {
        return new Actor(TenantId.DEFAULT, UserId.SYSTEM, Set.of(MANAGER, ADMIN));
    }

    public static Actor of(String tenant, String user, String... roles) {
        return new Actor(TenantId.of(tenant), UserId.of(user), Set.of(roles));
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    /** Throws {@link AccessDeniedException} unless this actor has {@code role}. */
    public void require(String role, String operation) {
        if (!hasRole(role)) {
            throw new AccessDeniedException(user + " needs role " + role + " to " + operation);
        }
    }
}
