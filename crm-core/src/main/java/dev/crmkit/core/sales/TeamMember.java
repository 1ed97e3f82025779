package dev.crmkit.core.sales;

import dev.crmkit.core.common.UserId;
import java.time.Instant;
import java.util.Objects;

/**
 * A rep working an account.
 *
 * @param role the member's part, e.g. {@code "account executive"}, {@code "sales engineer"}
 */
public record TeamMember(UserId user, String role, Instant since) {
    public TeamMember {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(since, "since");
    }
}
