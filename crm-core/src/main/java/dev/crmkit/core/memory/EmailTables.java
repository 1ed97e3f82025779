package dev.crmkit.core.memory;

import static dev.crmkit.core.memory.TenantTables.index;
import static dev.crmkit.core.memory.TenantTables.one;

import dev.crmkit.core.common.EmailAddress;
import dev.crmkit.core.email.ConsentChange;
import dev.crmkit.core.email.EmailRecipient;
import dev.crmkit.core.email.EmailRecipientId;
import dev.crmkit.core.email.EmailTemplate;
import dev.crmkit.core.email.EmailTemplateId;
import dev.crmkit.core.email.SentEmail;
import dev.crmkit.core.email.SentEmailId;
import dev.crmkit.core.memory.MemoryTable.IndexSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** One tenant's email templates, recipients with their consent logs, and sent emails. */
final class EmailTables {
    final MemoryTable<EmailTemplateId, EmailTemplate> templates = new MemoryTable<>("EmailTemplate",
            EmailTemplate::id, List.of());
    final MemoryTable<EmailRecipientId, EmailRecipient> recipients = new MemoryTable<>("EmailRecipient",
            EmailRecipient::id, List.of(new IndexSpec<>("email", r -> one(r.email()), true)));
    final MemoryTable<SentEmailId, SentEmail> sent = new MemoryTable<>("SentEmail", SentEmail::id,
            List.of(index("to", e -> one(e.to()))));
    /** The append-only consent logs, by address. */
    final Map<EmailAddress, List<ConsentChange>> changes = new HashMap<>();

    /** Appends {@code change}; returns how to take it back. */
    Runnable append(ConsentChange change) {
        List<ConsentChange> log = changes.computeIfAbsent(change.email(), k -> new ArrayList<>());
        log.add(change);
        return () -> {
            log.remove(log.size() - 1);
            if (log.isEmpty()) {
                changes.remove(change.email());
            }
        };
    }
}
