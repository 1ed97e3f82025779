package dev.crmkit.core.memory;

import dev.crmkit.core.common.EmailAddress;
import dev.crmkit.core.common.EntityId;
import dev.crmkit.core.common.Page;
import dev.crmkit.core.common.PageRequest;
import dev.crmkit.core.email.ConsentChange;
import dev.crmkit.core.email.EmailKind;
import dev.crmkit.core.email.EmailRecipient;
import dev.crmkit.core.email.EmailRecipientId;
import dev.crmkit.core.email.EmailRecipientRepository;
import dev.crmkit.core.email.EmailTemplate;
import dev.crmkit.core.email.EmailTemplateId;
import dev.crmkit.core.email.EmailTemplateRepository;
import dev.crmkit.core.email.SentEmail;
import dev.crmkit.core.email.SentEmailId;
import dev.crmkit.core.email.SentEmailRepository;
import dev.crmkit.core.email.SentEmailStatus;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The in-memory repositories of the email capability. */
final class MemoryEmailRepositories {
    private MemoryEmailRepositories() {
    }

    static final class Templates extends MemoryRepository<EmailTemplateId, EmailTemplate>
            implements EmailTemplateRepository {
        Templates(EmailTables tables, MemoryTx tx) {
            super(tables.templates, tx);
        }

        @Override
        public List<EmailTemplate> list() {
            tx.checkOpen();
            return table.scan().sorted(Comparator.comparing(EmailTemplate::name)
                    .thenComparing(EmailTemplate::id)).toList();
        }
    }

    static final class Recipients extends MemoryRepository<EmailRecipientId, EmailRecipient>
            implements EmailRecipientRepository {
        private static final Comparator<EmailRecipient> LAST_SUPPRESSED_FIRST = Comparator
                .comparing(EmailRecipient::suppressedAt).reversed()
                .thenComparing(r -> r.email().value());
        private static final Comparator<ConsentChange> OLDEST_FIRST = Comparator.comparing(ConsentChange::at)
                .thenComparing(ConsentChange::id, EntityId::compare);

        private final EmailTables tables;

        Recipients(EmailTables tables, MemoryTx tx) {
            super(tables.recipients, tx);
            this.tables = tables;
        }

        @Override
        public Optional<EmailRecipient> findByEmail(EmailAddress email) {
            return lookup("email", email, Comparator.comparing(EmailRecipient::id)).stream().findFirst();
        }

        @Override
        public Page<EmailRecipient> suppressed(PageRequest page) {
            tx.checkOpen();
            return Page.of(table.scan().filter(r -> r.suppressed() != null).sorted(LAST_SUPPRESSED_FIRST).toList(),
                    page);
        }

        @Override
        public void appendChange(ConsentChange change) {
            UndoLog undo = tx.undoForWrite();
            undo.add(tables.append(change));
        }

        @Override
        public List<ConsentChange> changes(EmailAddress email) {
            tx.checkOpen();
            return tables.changes.getOrDefault(email, List.of()).stream().sorted(OLDEST_FIRST).toList();
        }
    }

    static final class Sent extends MemoryRepository<SentEmailId, SentEmail> implements SentEmailRepository {
        private static final Comparator<SentEmail> EARLIEST_DUE = Comparator.comparing(SentEmail::dueAt)
                .thenComparing(SentEmail::id);

        Sent(EmailTables tables, MemoryTx tx) {
            super(tables.sent, tx);
        }

        @Override
        public long countSent(EmailAddress to, EmailKind kind, Instant since) {
            return lookup("to", to, Comparator.comparing(SentEmail::id)).stream()
                    .filter(e -> e.kind() == kind && e.status() == SentEmailStatus.SENT && e.sentAt() != null
                            && e.sentAt().isAfter(since))
                    .count();
        }

        @Override
        public List<SentEmail> due(Instant now, int limit) {
            tx.checkOpen();
            return table.scan().filter(e -> e.status() == SentEmailStatus.DEFERRED && e.dueAt() != null
                            && !e.dueAt().isAfter(now))
                    .sorted(EARLIEST_DUE).limit(limit).toList();
        }
    }
}
