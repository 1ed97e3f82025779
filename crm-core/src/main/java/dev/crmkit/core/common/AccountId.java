package dev.crmkit.core.common;

import java.util.Objects;
import java.util.OptionalLong;
import java.util.UUID;

/** Identifies an account (a customer organisation). */
public record AccountId(UUID value) implements EntityId, Ref<AccountId> {
    public AccountId {
        Objects.requireNonNull(value, "AccountId");
    }

    public static AccountId of(UUID value) {
        return new AccountId(value);
    }

    /** Parses the canonical UUID text form; a malformed text is a {@link ValidationException}. */
    public static AccountId parse(String text) {
        return new AccountId(Ids.parse(text, "AccountId"));
    }

    /** The id itself: a change passed an id applies to the record as stored now. */
    @Override
    public AccountId id() {
        return this;
    }

    @Override
    public OptionalLong expectedVersion() {
        return OptionalLong.empty();
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
