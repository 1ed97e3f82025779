package dev.crmkit.core.lead;

import dev.crmkit.core.common.ContactId;
import dev.crmkit.core.common.LeadId;
import java.util.Optional;
import java.util.UUID;

/**
 * A record that looks like the same person: which one ({@code kind} + {@code id}), why, and how similar (0..1;
 * 1 for exact key matches).
 */
public record DuplicateMatch(Kind kind, UUID id, Reason reason, double similarity) {
    public enum Kind { LEAD, CONTACT }

    /** The matched lead's id, when the match is a lead. */
    public Optional<LeadId> lead() {
        return kind == Kind.LEAD ? Optional.of(LeadId.of(id)) : Optional.empty();
    }

    /** The matched contact's id, when the match is a contact. */
    public Optional<ContactId> contact() {
        return kind == Kind.CONTACT ? Optional.of(ContactId.of(id)) : Optional.empty();
    }

    public enum Reason { EMAIL, PHONE, NAME_AND_COMPANY }
}
