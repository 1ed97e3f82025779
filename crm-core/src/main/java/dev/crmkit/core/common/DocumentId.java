package dev.crmkit.core.common;

import java.util.Objects;
import java.util.OptionalLong;
import java.util.UUID;

/** Identifies one stored version of a document. */
public record DocumentId(UUID value) implements EntityId, Ref<DocumentId> {
    public DocumentId {
        Objects.requireNonNull(value, "DocumentId");
    }

    public static DocumentId of(UUID value) {
        return new DocumentId(value);
    }

    /** Parses the canonical UUID text form; a malformed text is a {@link ValidationException}. */
    public static DocumentId parse(String text) {
        return new DocumentId(Ids.parse(text, "DocumentId"));
    }

    /** The id itself: a change passed an id applies to the record as stored now. */
    @Override
    public DocumentId id() {
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
