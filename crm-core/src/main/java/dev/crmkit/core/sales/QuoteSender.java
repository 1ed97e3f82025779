package dev.crmkit.core.sales;

/**
 * Port to the host's delivery of quotes (email, PDF, a portal), given with {@code Crm.builder().with(sender)}. Called
 * inside the sending transaction: when it throws, the quote stays unsent. Without one, sending only records the
 * quote as sent (hosts may deliver from the {@link SalesEvent.QuoteChanged} event instead).
 */
@FunctionalInterface
public interface QuoteSender {
    void send(OutgoingQuote quote);
}
