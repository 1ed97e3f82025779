package dev.crmkit.core.privacy;

import dev.crmkit.core.common.ContactId;
import dev.crmkit.core.common.LeadId;
import java.util.List;

/** What an erasure removed: the person's leads and contacts (each now only an {@code ERASED} audit entry). */
public record Erasure(List<LeadId> leads, List<ContactId> contacts) {
    public Erasure {
        leads = List.copyOf(leads);
        contacts = List.copyOf(contacts);
    }
}
