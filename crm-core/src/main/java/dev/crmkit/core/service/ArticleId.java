package dev.crmkit.core.service;

import dev.crmkit.core.common.EntityId;
import dev.crmkit.core.common.ValidationException;
import java.util.Objects;
import java.util.UUID;

/** Identifies a knowledge base article. */
public record ArticleId(UUID value) implements EntityId {
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

    @Override
    public String toString() {
        return value.toString();
    }
}
