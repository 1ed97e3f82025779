package dev.crmkit.core.consent;

import dev.crmkit.core.common.LawfulBasis;
import dev.crmkit.core.common.UserId;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One change of a person's consent to one purpose, kept for good: granted (on a lawful basis) or withdrawn, where
 * it came from ({@code source}: a form, a call, "merge"), the proof if any (a double opt-in token, a recording's id),
 * who recorded it and when. {@code person} is the id of a lead or a contact.
 */
public record ConsentRecord(UUID id, UUID person, ConsentPurpose purpose, boolean granted,
                            @Nullable LawfulBasis basis, String source, @Nullable String proof, UserId by,
                            Instant at) {
    /** The longest source, in characters. */
    public static final int MAX_SOURCE = 200;
    /** The longest proof, in characters. */
    public static final int MAX_PROOF = 500;

    public ConsentRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(person, "person");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(at, "at");
        if (granted && basis == null) {
            throw new IllegalArgumentException("a grant needs its lawful basis");
        }
        if (source.length() > MAX_SOURCE || proof != null && proof.length() > MAX_PROOF) {
            throw new IllegalArgumentException("source or proof too long");
        }
    }
}
