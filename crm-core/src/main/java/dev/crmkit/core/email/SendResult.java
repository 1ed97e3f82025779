package dev.crmkit.core.email;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The outcome of one send.
 *
 * @param email the stored email when one was sent or deferred, otherwise null
 * @param dueAt when a deferred email goes out, otherwise null
 */
public record SendResult(SendOutcome outcome, @Nullable SentEmailId email, @Nullable Instant dueAt) {
    public SendResult {
        Objects.requireNonNull(outcome, "outcome");
    }

    static SendResult refused(SendOutcome outcome) {
        return new SendResult(outcome, null, null);
    }

    /** Whether the message went out now. */
    public boolean sent() {
        return outcome == SendOutcome.SENT;
    }
}
