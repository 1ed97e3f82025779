package dev.crmkit.core.service;

import java.util.Set;

/** Content of a knowledge base article to create or edit: title and body required, tags and product codes optional. */
public record ArticleDraft(String title, String body, Set<String> tags, Set<String> productCodes) {
    public static ArticleDraft of(String title, String body) {
        return new ArticleDraft(title, body, Set.of(), Set.of());
    }

    public ArticleDraft tagged(Set<String> tagSet, Set<String> codes) {
        return new ArticleDraft(title, body, tagSet, codes);
    }
}
