package dev.crmkit.core.common;

import java.util.Objects;
import java.util.OptionalLong;
import java.util.UUID;

/** Identifies a contact (a person at an account). */
public record ContactId(UUID value) implements EntityId, Ref<ContactId> {
    public ContactId {
        Objects.requireNonNull(value, "ContactId");
    }

    public static ContactId of(UUID value) {
        return new ContactId(value);
    }

    /** Parses the canonical UUID text form; a malformed text is a {@link ValidationException}. */
    public static ContactId parse(String text) {
        return new ContactId(Ids.parse(text, "ContactId"));
    }

    /** The id itself: a change passed an id applies to the record as stored now. */
    @Override
    public ContactId id() {
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
