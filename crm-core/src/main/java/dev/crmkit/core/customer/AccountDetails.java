package dev.crmkit.core.customer;

import dev.crmkit.core.common.Address;
import dev.crmkit.core.common.UserId;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What a user sets on an account, for creating and for updating it. Only {@code name} is required; {@code owner}
 * defaults to the acting user and {@code website} must be an http(s) URL.
 */
public record AccountDetails(@Nullable String name, @Nullable String industry, @Nullable CompanySize size,
                             @Nullable Address address, @Nullable String website, @Nullable UserId owner,
                             Set<String> tags) {
    public static AccountDetails named(String name) {
        return new AccountDetails(name, null, null, null, null, null, Set.of());
    }
}
