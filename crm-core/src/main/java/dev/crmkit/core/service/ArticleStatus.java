package dev.crmkit.core.service;

import java.util.EnumSet;
import java.util.Set;

/** Life cycle of a knowledge base article; only PUBLISHED articles are found by search. */
public enum ArticleStatus {
    DRAFT, PUBLISHED, ARCHIVED;

    /** The statuses this one may move to: an archived article goes back to DRAFT before it is published again. */
    public Set<ArticleStatus> next() {
        return switch (this) {
            case DRAFT -> EnumSet.of(PUBLISHED, ARCHIVED);
            case PUBLISHED -> EnumSet.of(ARCHIVED);
            case ARCHIVED -> EnumSet.of(DRAFT);
        };
    }

    public boolean canMoveTo(ArticleStatus target) {
        return next().contains(target);
    }
}
