package dev.crmkit.core.common;

import java.util.Objects;
import java.util.UUID;

/** Identifies a piece of customer feedback. */
public record FeedbackId(UUID value) implements EntityId {
    public FeedbackId {
        Objects.requireNonNull(value, "FeedbackId");
    }

    public static FeedbackId of(UUID value) {
        return new FeedbackId(value);
    }

    /** Parses the canonical UUID text form; a malformed text is a {@link ValidationException}. */
    public static FeedbackId parse(String text) {
        return new FeedbackId(Ids.parse(text, "FeedbackId"));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
