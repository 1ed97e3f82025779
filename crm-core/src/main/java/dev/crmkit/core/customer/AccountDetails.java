package dev.crmkit.core.customer;

import dev.crmkit.core.common.Address;
import dev.crmkit.core.common.UserId;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What a user sets on an account, for creating and for updating it. Only {@code name} is required; {@code owner}
 * defaults to the acting user on create and stays on update (another needs MANAGER); {@code website} must be an
 * http(s) URL.
 */
public record AccountDetails(@Nullable String name, @Nullable String industry, @Nullable CompanySize size,
                             @Nullable Address address, @Nullable String website, @Nullable UserId owner,
                             Set<String> tags) {
    public static AccountDetails named(String name) {
        return new AccountDetails(name, null, null, null, null, null, Set.of());
    }

    /** These details with {@code newOwner} as the account's owner. */
    public AccountDetails withOwner(@Nullable UserId newOwner) {
        return new AccountDetails(name, industry, size, address, website, newOwner, tags);
    }
}
