package dev.crmkit.core.sales;

/** What happened to a quote, as recorded in its {@link QuoteChange history}. */
public enum QuoteAction {
    CREATED, REVISED, APPROVAL_REQUESTED, APPROVED, REJECTED, SENT, ACCEPTED, DECLINED
}
