package dev.crmkit.core.sales;

import dev.crmkit.core.common.EmailAddress;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A quote on its way to the customer, with both renderings.
 *
 * @param recipient the quote contact's email address, if known
 * @param json      {@link QuoteDocuments#json}
 * @param html      {@link QuoteDocuments#html}
 */
public record OutgoingQuote(Quote quote, @Nullable EmailAddress recipient, String json, String html) {
    public OutgoingQuote {
        Objects.requireNonNull(quote, "quote");
        Objects.requireNonNull(json, "json");
        Objects.requireNonNull(html, "html");
    }
}
