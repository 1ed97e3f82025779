package dev.crmkit.core.document;

import dev.crmkit.core.common.AccountId;
import dev.crmkit.core.common.CaseId;
import dev.crmkit.core.common.ContactId;
import dev.crmkit.core.common.OpportunityId;
import dev.crmkit.core.common.QuoteId;
import java.util.Objects;
import java.util.UUID;

/** The record a document is attached to: an account, contact, opportunity, quote or case. */
public record DocumentOwner(Kind kind, UUID id) {
    /** What kind of record holds the document. */
    public enum Kind {
        ACCOUNT, CONTACT, OPPORTUNITY, QUOTE, CASE
    }

    public DocumentOwner {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
    }

    public static DocumentOwner of(AccountId account) {
        return new DocumentOwner(Kind.ACCOUNT, account.value());
    }

    public static DocumentOwner of(ContactId contact) {
        return new DocumentOwner(Kind.CONTACT, contact.value());
    }

    public static DocumentOwner of(OpportunityId opportunity) {
        return new DocumentOwner(Kind.OPPORTUNITY, opportunity.value());
    }

    public static DocumentOwner of(QuoteId quote) {
        return new DocumentOwner(Kind.QUOTE, quote.value());
    }

    public static DocumentOwner of(CaseId supportCase) {
        return new DocumentOwner(Kind.CASE, supportCase.value());
    }
}
