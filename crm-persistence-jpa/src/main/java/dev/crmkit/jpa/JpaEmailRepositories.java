package dev.crmkit.jpa;

import dev.crmkit.core.common.ContactId;
import dev.crmkit.core.common.EmailAddress;
import dev.crmkit.core.common.EntityId;
import dev.crmkit.core.common.LawfulBasis;
import dev.crmkit.core.common.LeadId;
import dev.crmkit.core.common.Page;
import dev.crmkit.core.common.PageRequest;
import dev.crmkit.core.email.ConsentAction;
import dev.crmkit.core.email.ConsentChange;
import dev.crmkit.core.email.ConsentStatus;
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
import dev.crmkit.core.email.SuppressionReason;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/** The JPA repositories of the email capability (schema {@code V11__email.sql}). */
final class JpaEmailRepositories {
    private JpaEmailRepositories() {
    }

    /** The distinct addresses, in lists short enough for one query's parameters on every database. */
    private static List<List<String>> chunks(Collection<EmailAddress> addresses) {
        List<String> all = addresses.stream().map(EmailAddress::value).distinct().toList();
        List<List<String>> chunks = new ArrayList<>();
        for (int from = 0; from < all.size(); from += JpaRepository.BULK_FETCH) {
            chunks.add(all.subList(from, Math.min(all.size(), from + JpaRepository.BULK_FETCH)));
        }
        return chunks;
    }

    static final class Templates extends JpaRepository<EmailTemplateId, EmailTemplate, EmailTemplateEntity>
            implements EmailTemplateRepository {
        Templates(JpaTx tx) {
            super(tx, EmailTemplateEntity.class);
        }

        @Override
        EmailTemplateEntity toRow(EmailTemplate t) {
            EmailTemplateEntity r = new EmailTemplateEntity();
            r.name = t.name();
            r.kind = t.kind().name();
            r.subject = t.subject();
            r.html = t.html();
            r.bodyText = t.text();
            r.mergeFields = JsonColumns.strings(t.fields());
            r.createdAt = t.createdAt();
            r.updatedAt = t.updatedAt();
            return r;
        }

        @Override
        EmailTemplate toDomain(EmailTemplateEntity r) {
            return new EmailTemplate(EmailTemplateId.of(r.id), r.version, r.name, EmailKind.valueOf(r.kind),
                    r.subject, r.html, r.bodyText, JsonColumns.stringSet(r.mergeFields), r.createdAt, r.updatedAt);
        }

        @Override
        public List<EmailTemplate> list() {
            // Ties sorted here: MariaDB's UUID type orders ids other than v6+ differently from the domain's order.
            return TaskMapping.sorted(list(new Filter(tx.tenantId()), "r.name, r.id"),
                    Comparator.comparing(EmailTemplate::name).thenComparing(EmailTemplate::id));
        }
    }

    static final class Recipients extends JpaRepository<EmailRecipientId, EmailRecipient, EmailRecipientEntity>
            implements EmailRecipientRepository {
        Recipients(JpaTx tx) {
            super(tx, EmailRecipientEntity.class);
        }

        @Override
        EmailRecipientEntity toRow(EmailRecipient e) {
            EmailRecipientEntity r = new EmailRecipientEntity();
            r.email = e.email().value();
            r.status = e.status().name();
            r.basis = e.basis() == null ? null : e.basis().name();
            r.optInNonce = e.optInNonce();
            r.optInExpires = e.optInExpires();
            r.timeZone = e.zone() == null ? null : e.zone().getId();
            r.suppressed = e.suppressed() == null ? null : e.suppressed().name();
            r.suppressedAt = e.suppressedAt();
            r.updatedAt = e.updatedAt();
            return r;
        }

        @Override
        EmailRecipient toDomain(EmailRecipientEntity r) {
            return new EmailRecipient(EmailRecipientId.of(r.id), EmailAddress.of(r.email), r.version,
                    ConsentStatus.valueOf(r.status), r.basis == null ? null : LawfulBasis.valueOf(r.basis),
                    r.optInNonce, r.optInExpires, r.timeZone == null ? null : ZoneId.of(r.timeZone),
                    r.suppressed == null ? null : SuppressionReason.valueOf(r.suppressed), r.suppressedAt,
                    r.updatedAt);
        }

        @Override
        public Optional<EmailRecipient> findByEmail(EmailAddress email) {
            return lookup("email", email.value(), "r.id").stream().findFirst();
        }

        @Override
        public Map<EmailAddress, EmailRecipient> findByEmails(Collection<EmailAddress> emails) {
            Map<EmailAddress, EmailRecipient> found = new HashMap<>();
            for (List<String> chunk : chunks(emails)) {
                list(new Filter(tx.tenantId()).and("r.email in :emails", "emails", chunk), "r.id")
                        .forEach(r -> found.put(r.email(), r));
            }
            return found;
        }

        @Override
        public Page<EmailRecipient> suppressed(PageRequest page) {
            return page(new Filter(tx.tenantId()).and("r.suppressed is not null"), "r.suppressedAt desc, r.email",
                    page);
        }

        @Override
        public void appendChange(ConsentChange change) {
            ConsentChangeRow row = new ConsentChangeRow();
            row.tenantId = tx.tenantId();
            row.id = change.id();
            row.email = change.email().value();
            row.changeAction = change.action().name();
            row.basis = change.basis() == null ? null : change.basis().name();
            row.source = change.source();
            row.changedAt = change.at();
            try {
                tx.sessionForWrite().insert(row);
                tx.flush();
            } catch (RuntimeException e) {
                throw Errors.translate(e);
            }
        }

        @Override
        public List<ConsentChange> changes(EmailAddress email) {
            List<ConsentChange> log = tx.session().createSelectionQuery("from ConsentChangeRow r"
                            + " where r.tenantId = :tenant and r.email = :email order by r.changedAt, r.id",
                            ConsentChangeRow.class)
                    .setParameter("tenant", tx.tenantId())
                    .setParameter("email", email.value())
                    .getResultList().stream()
                    .map(r -> new ConsentChange(r.id, EmailAddress.of(r.email), ConsentAction.valueOf(r.changeAction),
                            r.basis == null ? null : LawfulBasis.valueOf(r.basis), r.source, r.changedAt))
                    .toList();
            return TaskMapping.sorted(log, Comparator.comparing(ConsentChange::at)
                    .thenComparing(ConsentChange::id, EntityId::compare));
        }
    }

    static final class Sent extends JpaRepository<SentEmailId, SentEmail, SentEmailEntity>
            implements SentEmailRepository {
        Sent(JpaTx tx) {
            super(tx, SentEmailEntity.class);
        }

        @Override
        SentEmailEntity toRow(SentEmail e) {
            SentEmailEntity r = new SentEmailEntity();
            r.kind = e.kind().name();
            r.templateId = e.template().value();
            r.toAddress = e.to().value();
            r.leadId = e.lead() == null ? null : e.lead().value();
            r.contactId = e.contact() == null ? null : e.contact().value();
            r.subject = e.subject();
            r.html = e.html();
            r.bodyText = e.text();
            r.status = e.status().name();
            r.reason = e.reason();
            r.createdAt = e.createdAt();
            r.dueAt = e.dueAt();
            r.sentAt = e.sentAt();
            return r;
        }

        @Override
        SentEmail toDomain(SentEmailEntity r) {
            return new SentEmail(SentEmailId.of(r.id), r.version, EmailKind.valueOf(r.kind),
                    EmailTemplateId.of(r.templateId), EmailAddress.of(r.toAddress), id(r.leadId, LeadId::of),
                    id(r.contactId, ContactId::of), r.subject, r.html, r.bodyText, SentEmailStatus.valueOf(r.status),
                    r.reason, r.createdAt, r.dueAt, r.sentAt);
        }

        private static <I> I id(UUID value, Function<UUID, I> of) {
            return value == null ? null : of.apply(value);
        }

        @Override
        public long countSent(EmailAddress to, EmailKind kind, Instant since) {
            return count(new Filter(tx.tenantId()).and("r.toAddress = :to", "to", to.value())
                    .and("r.kind = :kind", "kind", kind.name())
                    .and("r.status = :status", "status", SentEmailStatus.SENT.name())
                    .and("r.sentAt > :since", "since", since));
        }

        @Override
        public Map<EmailAddress, Long> countSent(Collection<EmailAddress> to, EmailKind kind, Instant since) {
            Map<EmailAddress, Long> counts = new HashMap<>();
            for (List<String> chunk : chunks(to)) {
                countBy(new Filter(tx.tenantId()).and("r.toAddress in :to", "to", chunk)
                        .and("r.kind = :kind", "kind", kind.name())
                        .and("r.status = :status", "status", SentEmailStatus.SENT.name())
                        .and("r.sentAt > :since", "since", since), "r.toAddress")
                        .forEach((address, n) -> counts.put(EmailAddress.of(address), n));
            }
            return counts;
        }

        @Override
        public List<SentEmail> due(Instant now, int limit) {
            List<SentEmailEntity> rows = tx.session().createSelectionQuery("from SentEmailRow r where r.tenantId"
                            + " = :tenant and r.status = :status and r.dueAt <= :now order by r.dueAt, r.id",
                            SentEmailEntity.class)
                    .setParameter("tenant", tx.tenantId())
                    .setParameter("status", SentEmailStatus.DEFERRED.name())
                    .setParameter("now", now)
                    .setMaxResults(limit)
                    .getResultList();
            return TaskMapping.sorted(rows.stream().map(this::toDomain).toList(),
                    Comparator.comparing(SentEmail::dueAt).thenComparing(SentEmail::id));
        }
    }
}
