package dev.crmkit.core.customer;

import dev.crmkit.core.common.AccountId;
import dev.crmkit.core.common.Channel;
import dev.crmkit.core.common.ContactId;
import dev.crmkit.core.common.FeedbackId;
import dev.crmkit.core.common.PurchaseId;
import dev.crmkit.core.common.Validation;
import dev.crmkit.core.common.Versioned;
import java.time.Instant;
import java.util.Objects;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/** What a customer told us: a rating from 1 to 5, optional text, the channel, optionally about one purchase. */
public record Feedback(
        FeedbackId id,
        long version,
        @Nullable AccountId account,
        @Nullable ContactId contact,
        @Nullable PurchaseId purchase,
        int rating,
        @Nullable String text,
        Channel channel,
        Instant receivedAt) implements Versioned<FeedbackId, Feedback> {

    public Feedback {
        // Every adapter keeps microseconds: cut here, so memory reads back what a database would.
        receivedAt = Validation.storable(receivedAt);
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(receivedAt, "receivedAt");
    }

    /** This feedback with its text passed through {@code scrub} (an erasure keeps the rating). */
    public Feedback redacted(UnaryOperator<String> scrub) {
        return new Feedback(id, version, account, contact, purchase, rating, text == null ? null : scrub.apply(text),
                channel, receivedAt);
    }

    @Override
    public Feedback withVersion(long newVersion) {
        return new Feedback(id, newVersion, account, contact, purchase, rating, text, channel, receivedAt);
    }
}
