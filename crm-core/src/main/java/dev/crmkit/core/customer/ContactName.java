package dev.crmkit.core.customer;

import dev.crmkit.core.common.MatchKeys;
import org.jspecify.annotations.Nullable;

/** What a contact is called: a last name always, a first name and a job title when known. */
public record ContactName(@Nullable String firstName, String lastName, @Nullable String title) {
    /** The key duplicate search looks people up by: folded surname and first initial ({@link MatchKeys#person}). */
    public @Nullable String nameKey() {
        return MatchKeys.person(firstName, lastName);
    }
}
