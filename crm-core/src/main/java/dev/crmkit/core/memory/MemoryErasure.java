package dev.crmkit.core.memory;

import dev.crmkit.core.audit.AuditEntry;
import dev.crmkit.core.automation.DueRun;
import dev.crmkit.core.automation.RuleRun;
import dev.crmkit.core.common.ContactId;
import dev.crmkit.core.common.EmailAddress;
import dev.crmkit.core.common.LeadId;
import dev.crmkit.core.consent.ConsentPurpose;
import dev.crmkit.core.consent.ConsentRecord;
import dev.crmkit.core.email.ConsentChange;
import dev.crmkit.core.email.SentEmail;
import dev.crmkit.core.nurture.Enrollment;
import dev.crmkit.core.privacy.ErasureRepository;
import dev.crmkit.core.sharing.Share;
import dev.crmkit.core.tracking.Touchpoint;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;

/** Erasure over one tenant's tables; every change is undone with the write. */
final class MemoryErasure implements ErasureRepository {
    private final TenantTables tables;
    private final MemoryTx tx;

    MemoryErasure(TenantTables tables, MemoryTx tx) {
        this.tables = tables;
        this.tx = tx;
    }

    @Override
    public void deletePeople(Collection<LeadId> leads, Collection<ContactId> contacts) {
        UndoLog undo = tx.undoForWrite();
        for (LeadId id : leads) {
            tables.leads.find(id).ifPresent(l -> tables.leads.remove(id, l.version(), lead -> lead.version(), undo));
        }
        for (ContactId id : contacts) {
            tables.contacts.find(id).ifPresent(c -> tables.contacts.remove(id, c.version(), c2 -> c2.version(), undo));
        }
    }

    @Override
    public int anonymiseTouchpoints(Collection<LeadId> leads, Collection<ContactId> contacts,
                                    Collection<String> visitors) {
        UndoLog undo = tx.undoForWrite();
        Set<Touchpoint> found = new LinkedHashSet<>();
        leads.forEach(id -> found.addAll(tables.touchpoints.byLead(id)));
        contacts.forEach(id -> found.addAll(tables.touchpoints.byContact(id)));
        // a visitor's events linked to someone else (a shared device) are that person's, not this one's
        visitors.forEach(v -> tables.touchpoints.byVisitor(v).stream()
                .filter(t -> t.lead() == null && t.contact() == null).forEach(found::add));
        found.forEach(t -> tables.touchpoints.replace(t.anonymised(), undo));
        return found.size();
    }

    @Override
    public void forgetEmail(Collection<EmailAddress> addresses, Collection<UUID> people) {
        UndoLog undo = tx.undoForWrite();
        EmailTables email = tables.email;
        for (EmailAddress address : addresses) {
            email.recipients.lookup("email", address, (a, b) -> 0).forEach(r ->
                    email.recipients.remove(r.id(), r.version(), rr -> rr.version(), undo));
            List<ConsentChange> log = email.changes.remove(address);
            if (log != null) {
                undo.add(() -> email.changes.put(address, log));
            }
        }
        Set<SentEmail> sent = new LinkedHashSet<>();
        addresses.forEach(a -> sent.addAll(email.sent.lookup("to", a, (x, y) -> 0)));
        email.sent.scan().filter(s -> s.lead() != null && people.contains(s.lead().value())
                || s.contact() != null && people.contains(s.contact().value())).forEach(sent::add);
        sent.forEach(s -> email.sent.remove(s.id(), s.version(), ss -> ss.version(), undo));
    }

    @Override
    public void forgetRecords(Collection<UUID> records) {
        UndoLog undo = tx.undoForWrite();
        for (UUID person : records) {
            List<ConsentRecord> history = tables.consents.history.remove(person);
            Map<ConsentPurpose, ConsentRecord> current = tables.consents.current.remove(person);
            undo.add(() -> {
                if (history != null) {
                    tables.consents.history.put(person, history);
                }
                if (current != null) {
                    tables.consents.current.put(person, current);
                }
            });
            for (Enrollment e : tables.nurture.enrollments.lookup("lead", LeadId.of(person), (a, b) -> 0)) {
                tables.nurture.enrollments.remove(e.id(), e.version(), ee -> ee.version(), undo);
            }
        }
        for (UUID record : records) {
            List<Share> shares = tables.shares.remove(record);
            if (shares != null) {
                undo.add(() -> tables.shares.put(record, shares));
            }
        }
        forgetAutomation(records, undo);
        forgetAudit(records, undo);
        Set<String> ids = new HashSet<>();
        records.forEach(r -> ids.add(r.toString()));
        tx.onCommitOutbox(outbox -> outbox.forget(tables.tenant, ids));
    }

    private void forgetAutomation(Collection<UUID> records, UndoLog undo) {
        AutomationTables automation = tables.automation;
        for (UUID record : records) {
            Map<UUID, RuleRun> runs = automation.runsByRecord.get(record.toString());
            for (RuleRun run : runs == null ? List.<RuleRun>of() : List.copyOf(runs.values())) {
                automation.removeRun(run);
                undo.add(() -> automation.putRun(run));
            }
        }
        Set<String> names = new HashSet<>();
        records.forEach(r -> names.add(r.toString()));
        for (DueRun due : List.copyOf(automation.due.values())) {
            if (names.contains(due.recordId())) {
                automation.removeDue(due.id());
                undo.add(() -> automation.addDue(due));
            }
        }
        automation.watches.forEach((segment, members) -> {
            Set<UUID> gone = new HashSet<>(members);
            gone.retainAll(records);
            if (!gone.isEmpty()) {
                members.removeAll(gone);
                undo.add(() -> members.addAll(gone));
            }
        });
    }

    private void forgetAudit(Collection<UUID> records, UndoLog undo) {
        MemoryAuditRepository.AuditTables audit = tables.audit;
        Set<UUID> ids = new HashSet<>(records);
        if (ids.stream().noneMatch(audit.byRecord::containsKey)) {
            return;
        }
        List<AuditEntry> all = List.copyOf(audit.all);
        Map<UUID, List<AuditEntry>> byRecord = MemoryAuditRepository.AuditTables.copy(audit.byRecord);
        audit.all.removeIf(e -> ids.contains(e.recordId()));
        ids.forEach(audit.byRecord::remove);
        undo.add(() -> restore(audit, all, byRecord));
    }

    @Override
    public void scrubAudit(Collection<UUID> records, UnaryOperator<String> scrub) {
        UndoLog undo = tx.undoForWrite();
        MemoryAuditRepository.AuditTables audit = tables.audit;
        Map<UUID, AuditEntry> rewritten = new HashMap<>();
        for (UUID record : records) {
            for (AuditEntry e : audit.byRecord.getOrDefault(record, List.of())) {
                AuditEntry scrubbed = scrubbed(e, scrub);
                if (!scrubbed.equals(e)) {
                    rewritten.put(e.id(), scrubbed);
                }
            }
        }
        if (rewritten.isEmpty()) {
            return;
        }
        List<AuditEntry> all = List.copyOf(audit.all);
        Map<UUID, List<AuditEntry>> byRecord = MemoryAuditRepository.AuditTables.copy(audit.byRecord);
        audit.all.replaceAll(e -> rewritten.getOrDefault(e.id(), e));
        audit.byRecord.values().forEach(own -> own.replaceAll(e -> rewritten.getOrDefault(e.id(), e)));
        undo.add(() -> restore(audit, all, byRecord));
    }

    private static void restore(MemoryAuditRepository.AuditTables audit, List<AuditEntry> all,
                                Map<UUID, List<AuditEntry>> byRecord) {
        audit.all.clear();
        audit.all.addAll(all);
        audit.byRecord.clear();
        audit.byRecord.putAll(byRecord);
    }

    private static AuditEntry scrubbed(AuditEntry e, UnaryOperator<String> scrub) {
        return new AuditEntry(e.id(), e.recordType(), e.recordId(), e.version(), e.action(), e.actor(), e.at(),
                e.operation(), e.changes().stream().map(c -> c.scrubbed(scrub)).toList());
    }

    @Override
    public void scrubOutbox(Collection<String> traces, UnaryOperator<String> scrub) {
        tx.undoForWrite();
        List<String> quoted = List.copyOf(traces);
        tx.onCommitOutbox(outbox -> outbox.scrub(tables.tenant, quoted, Objects.requireNonNull(scrub)));
    }
}
