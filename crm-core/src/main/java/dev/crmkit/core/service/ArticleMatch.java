package dev.crmkit.core.service;

/** A search hit: the article and its relevance (higher is better; only comparable within one search). */
public record ArticleMatch(Article article, double score) {
}
