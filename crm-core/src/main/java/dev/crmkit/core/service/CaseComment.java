package dev.crmkit.core.service;

import dev.crmkit.core.common.UserId;
import java.time.Instant;
import java.util.Objects;

/**
 * A note on a case. {@code toCustomer} comments are replies the customer sees; the first one counts as the first
 * response for the service level. Internal notes do not.
 */
public record CaseComment(Instant at, UserId author, String text, boolean toCustomer) {
    public CaseComment {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(text, "text");
    }
}
