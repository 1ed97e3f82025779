package dev.crmkit.core.task;

import dev.crmkit.core.common.AccountId;
import dev.crmkit.core.common.CaseId;
import dev.crmkit.core.common.ContactId;
import dev.crmkit.core.common.LeadId;
import dev.crmkit.core.common.OpportunityId;
import java.util.Objects;
import java.util.UUID;

/**
 * The record a task or calendar event is about: a lead, contact, account, opportunity or case. Stored as kind plus
 * id (two columns), so one index serves every kind.
 */
public record Subject(Kind kind, UUID id) {
    /** What kind of record a {@link Subject} points to. */
    public enum Kind {
        LEAD, CONTACT, ACCOUNT, OPPORTUNITY, CASE
    }

    public Subject {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
    }

    public static Subject of(LeadId lead) {
        return new Subject(Kind.LEAD, lead.value());
    }

    public static Subject of(ContactId contact) {
        return new Subject(Kind.CONTACT, contact.value());
    }

    public static Subject of(AccountId account) {
        return new Subject(Kind.ACCOUNT, account.value());
    }

    public static Subject of(OpportunityId opportunity) {
        return new Subject(Kind.OPPORTUNITY, opportunity.value());
    }

    public static Subject of(CaseId supportCase) {
        return new Subject(Kind.CASE, supportCase.value());
    }

    @Override
    public String toString() {
        return kind + " " + id;
    }
}
