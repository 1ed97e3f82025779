package dev.crmkit.core.service;

import dev.crmkit.core.common.UserId;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/** An earlier content version of an article, kept when it was edited. */
public record ArticleRevision(int revision, String title, String body, Set<String> tags, UserId editor,
                              Instant editedAt) {
    public ArticleRevision {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(body, "body");
        tags = tags == null ? Set.of() : Set.copyOf(tags);
    }
}
