package dev.crmkit.core.email;

import dev.crmkit.core.common.EmailAddress;
import dev.crmkit.core.common.LawfulBasis;
import dev.crmkit.core.common.Validation;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One entry of an address's consent record, kept for good (append-only): what changed, when, where it came from and
 * on which lawful basis.
 *
 * @param source where the change came from (a form, "unsubscribe link", a bounce feed, a user), at most
 *               {@value EmailLimits#SOURCE} characters
 * @param basis  the lawful basis; null for withdrawals and suppressions
 */
public record ConsentChange(UUID id, EmailAddress email, ConsentAction action, @Nullable LawfulBasis basis,
                            String source, Instant at) {
    public ConsentChange {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(source, "source");
        at = Validation.storable(Objects.requireNonNull(at, "at"));
    }
}
