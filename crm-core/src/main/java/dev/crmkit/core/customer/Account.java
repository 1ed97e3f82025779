package dev.crmkit.core.customer;

import dev.crmkit.core.common.AccountId;
import dev.crmkit.core.common.Address;
import dev.crmkit.core.common.UserId;
import dev.crmkit.core.common.Versioned;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * An organisation we sell to (or a household, for consumer business). Immutable.
 *
 * @param nameKey matching key of the name, used to attach converted leads to an existing account
 */
public record Account(
        AccountId id,
        long version,
        String name,
        @Nullable String industry,
        @Nullable CompanySize size,
        @Nullable Address address,
        @Nullable String website,
        @Nullable UserId owner,
        LifecycleStage stage,
        Set<String> tags,
        @Nullable String nameKey,
        Instant createdAt,
        Instant updatedAt) implements Versioned<AccountId, Account> {

    public Account {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        tags = tags == null ? Set.of() : Set.copyOf(tags);
    }

    /** This account as a customer since its first purchase. */
    Account becameCustomer(Instant at) {
        return new Account(id, version, name, industry, size, address, website, owner, LifecycleStage.CUSTOMER, tags,
                nameKey, createdAt, at);
    }

    /**
     * This account as one that was a person's own (a lead without a company converts into an account named after
     * them), for their erasure: named {@code name}, without address, website or name key.
     */
    public Account anonymised(String name) {
        return new Account(id, version, name, industry, size, null, null, owner, stage, tags, null, createdAt,
                updatedAt);
    }

    @Override
    public Account withVersion(long newVersion) {
        return new Account(id, newVersion, name, industry, size, address, website, owner, stage, tags, nameKey,
                createdAt, updatedAt);
    }
}
