package dev.crmkit.core.common;

import java.util.Objects;
import java.util.OptionalLong;
import java.util.UUID;

/** Identifies a service case (complaint or support request). */
public record CaseId(UUID value) implements EntityId, Ref<CaseId> {
    public CaseId {
        Objects.requireNonNull(value, "CaseId");
    }

    public static CaseId of(UUID value) {
        return new CaseId(value);
    }

    /** Parses the canonical UUID text form; a malformed text is a {@link ValidationException}. */
    public static CaseId parse(String text) {
        return new CaseId(Ids.parse(text, "CaseId"));
    }

    /** The id itself: a change passed an id applies to the record as stored now. */
    @Override
    public CaseId id() {
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
