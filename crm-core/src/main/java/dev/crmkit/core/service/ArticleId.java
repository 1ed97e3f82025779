package dev.crmkit.core.service;

import dev.crmkit.core.common.EntityId;
import dev.crmkit.core.common.Ref;
import dev.crmkit.core.common.ValidationException;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.UUID;

/** Identifies a knowledge base article. */
public record ArticleId(UUID value) implements EntityId, Ref<ArticleId> {
    public ArticleId {
        Objects.requireNonNull(value, "ArticleId");
    }

    public static ArticleId of(UUID value) {
        return new ArticleId(value);
    }

    /** Parses the canonical UUID text form; a malformed text is a {@code ValidationException}. */
    public static ArticleId parse(String text) {
        try {
            return new ArticleId(UUID.fromString(text.strip()));
        } catch (RuntimeException e) {
            throw new ValidationException("ArticleId", "is not a UUID: " + text);
        }
    }

    /** The id itself: a change passed an id applies to the record as stored now. */
    @Override
    public ArticleId id() {
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
