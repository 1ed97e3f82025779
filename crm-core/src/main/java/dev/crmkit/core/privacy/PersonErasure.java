package dev.crmkit.core.privacy;

import dev.crmkit.core.audit.AuditAction;
import dev.crmkit.core.audit.AuditEntry;
import dev.crmkit.core.audit.AuditSettings;
import dev.crmkit.core.common.AccountId;
import dev.crmkit.core.common.ContactId;
import dev.crmkit.core.common.EmailAddress;
import dev.crmkit.core.common.EntityId;
import dev.crmkit.core.common.LeadId;
import dev.crmkit.core.common.TenantId;
import dev.crmkit.core.common.Versioned;
import dev.crmkit.core.context.CrmContext;
import dev.crmkit.core.customer.Account;
import dev.crmkit.core.customer.Contact;
import dev.crmkit.core.customer.CustomerEvent;
import dev.crmkit.core.document.Document;
import dev.crmkit.core.document.DocumentOwner;
import dev.crmkit.core.document.DocumentStore;
import dev.crmkit.core.lead.Lead;
import dev.crmkit.core.sales.Opportunity;
import dev.crmkit.core.service.Case;
import dev.crmkit.core.spi.Repository;
import dev.crmkit.core.task.CalendarEvent;
import dev.crmkit.core.task.Subject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One erasure inside a write: the person's own records (leads, contacts, consent, email state, enrollments, documents,
 * audit entries, outbox entries) are deleted; the records the business keeps (cases, purchases, feedback, tasks,
 * calendar events, touchpoints) stay with the person's traces scrubbed or unlinked; the audit keeps an
 * {@code ERASED} entry per record, and a {@link CustomerEvent.PersonErased} tells subscribers.
 */
final class PersonErasure {
    private static final Logger LOG = LoggerFactory.getLogger(PersonErasure.class);

    private final CrmContext<? extends PrivacyTx> ctx;
    private final DocumentStore documentStore;
    private final PrivacyTx tx;
    private final Set<UUID> kept = new LinkedHashSet<>();
    private final List<String> discarded = new ArrayList<>();

    PersonErasure(CrmContext<? extends PrivacyTx> ctx, DocumentStore documentStore, PrivacyTx tx) {
        this.ctx = ctx;
        this.documentStore = documentStore;
        this.tx = tx;
    }

    /**
     * Everyone held under the addresses of the lead or contact {@code start} and the records they became or came
     * from: a person asking for erasure is every record with their email.
     */
    static People gather(PrivacyTx tx, List<Lead> leads, List<Contact> contacts) {
        People p = new People();
        List<Lead> leadQueue = new ArrayList<>(leads);
        List<Contact> contactQueue = new ArrayList<>(contacts);
        while (!leadQueue.isEmpty() || !contactQueue.isEmpty()) {
            if (!leadQueue.isEmpty()) {
                Lead l = leadQueue.remove(leadQueue.size() - 1);
                if (p.leads.putIfAbsent(l.id(), l) == null) {
                    byEmail(tx, l.reach().email(), leadQueue, contactQueue);
                    // a merge said two leads were this one person, whatever their addresses
                    leadQueue.addAll(tx.leads().findMergedInto(l.id()));
                    if (l.outcome().mergedInto() != null) {
                        tx.leads().find(l.outcome().mergedInto()).ifPresent(leadQueue::add);
                    }
                    ContactId became = l.outcome().convertedContact();
                    if (became != null) {
                        tx.contacts().find(became).ifPresent(contactQueue::add);
                    }
                }
            } else {
                Contact c = contactQueue.remove(contactQueue.size() - 1);
                if (p.contacts.putIfAbsent(c.id(), c) == null) {
                    byEmail(tx, c.points().email(), leadQueue, contactQueue);
                    if (c.sourceLead() != null) {
                        tx.leads().find(c.sourceLead()).ifPresent(leadQueue::add);
                    }
                }
            }
        }
        return p;
    }

    private static void byEmail(PrivacyTx tx, @Nullable EmailAddress email, List<Lead> leads, List<Contact> contacts) {
        if (email != null) {
            leads.addAll(tx.leads().findByEmail(email));
            contacts.addAll(tx.contacts().findByEmail(email));
        }
    }

    /** Just these leads (a retention rule's). */
    static People only(List<Lead> leads) {
        People p = new People();
        leads.forEach(l -> p.leads.put(l.id(), l));
        return p;
    }

    /** The records of one person. */
    static final class People {
        final Map<LeadId, Lead> leads = new LinkedHashMap<>();
        final Map<ContactId, Contact> contacts = new LinkedHashMap<>();
    }

    /**
     * Erases {@code people}, and what email holds of their addresses that no other lead or contact has (a retention
     * rule erasing one lead leaves an address its duplicate still uses).
     */
    Erasure erase(People people, String operation) {
        Set<EmailAddress> addresses = new LinkedHashSet<>();
        people.leads.values().forEach(l -> ownAddress(people, l.reach().email(), addresses));
        people.contacts.values().forEach(c -> ownAddress(people, c.points().email(), addresses));
        List<Lead> leads = List.copyOf(people.leads.values());
        List<Contact> contacts = List.copyOf(people.contacts.values());
        PersonTraces traces = PersonTraces.of(leads, contacts);
        for (Contact c : contacts) {
            for (Case k : tx.cases().findByContact(c.id())) {
                keep(tx.cases(), k, k.redacted(traces));
                deleteDocuments(DocumentOwner.of(k.id()));
            }
            tx.purchases().findByContact(c.id()).forEach(p -> keep(tx.purchases(), p, p.redacted(traces)));
            tx.feedback().findByContact(c.id()).forEach(f -> keep(tx.feedback(), f, f.redacted(traces)));
            for (CalendarEvent e : tx.calendarEvents().findByContact(c.id())) {
                keep(tx.calendarEvents(), e, e.redacted(c.id(), traces));
            }
            about(Subject.of(c.id()), c.id(), traces);
            deleteDocuments(DocumentOwner.of(c.id()));
        }
        for (Lead l : leads) {
            about(Subject.of(l.id()), null, traces);
        }
        Set<AccountId> theirAccounts = accountsOf(leads, contacts);
        List<Account> ownAccounts = personalAccounts(leads, contacts, theirAccounts);
        opportunities(leads, contacts, theirAccounts, traces);
        Set<UUID> ids = new LinkedHashSet<>();
        Set<String> visitors = new LinkedHashSet<>();
        leads.forEach(l -> {
            ids.add(l.id().value());
            visitors.addAll(l.visitorIds());
        });
        contacts.forEach(c -> ids.add(c.id().value()));
        Set<UUID> owned = new LinkedHashSet<>(ids);
        ownAccounts.forEach(a -> owned.add(a.id().value())); // its earlier entries and events hold their address
        ErasureRepository erasure = tx.erasure();
        erasure.anonymiseTouchpoints(people.leads.keySet(), people.contacts.keySet(), visitors);
        erasure.forgetEmail(addresses, ids);
        erasure.forgetRecords(owned);
        erasure.deletePeople(people.leads.keySet(), people.contacts.keySet());
        erasure.scrubAudit(kept, traces);
        List<String> quoted = new ArrayList<>(traces.quoting());
        // the events of kept records name them, and a batch of touchpoints names the person by id
        kept.forEach(id -> quoted.add(id.toString()));
        ids.forEach(id -> quoted.add(id.toString()));
        erasure.scrubOutbox(quoted, traces.inJson());
        if (ctx.setting(AuditSettings.class, AuditSettings::defaults).recorded()) {
            List<AuditEntry> entries = new ArrayList<>();
            leads.forEach(l -> entries.add(erased("Lead", l, operation)));
            contacts.forEach(c -> entries.add(erased("Contact", c, operation)));
            ownAccounts.forEach(a -> entries.add(erased("Account", a, operation)));
            tx.audit().append(entries);
        }
        ctx.raise(new CustomerEvent.PersonErased(tx.tenant(), ctx.now(), List.copyOf(people.leads.keySet()),
                List.copyOf(people.contacts.keySet())));
        if (!discarded.isEmpty()) {
            List<String> keys = List.copyOf(discarded);
            TenantId tenant = tx.tenant();
            tx.afterCommit(() -> keys.forEach(key -> discard(tenant, key)));
        }
        return new Erasure(List.copyOf(people.leads.keySet()), List.copyOf(people.contacts.keySet()));
    }

    /**
     * Accounts named after the person (a lead without a company converts into one): renamed, without address or
     * website, their earlier audit entries and events gone as the person's own. A company account that merely
     * contains their name keeps it. Returns the accounts as saved.
     */
    private List<Account> personalAccounts(List<Lead> leads, List<Contact> contacts, Set<AccountId> accounts) {
        Set<String> names = new LinkedHashSet<>();
        leads.forEach(l -> names(names, l.identity().firstName(), l.identity().lastName()));
        contacts.forEach(c -> names(names, c.name().firstName(), c.name().lastName()));
        List<Account> own = new ArrayList<>();
        for (Account a : tx.accounts().findAll(accounts).values()) {
            if (names.contains(a.name().strip().toLowerCase(Locale.ROOT))) {
                own.add(tx.accounts().save(a.anonymised(PersonTraces.ERASED)));
            }
        }
        return own;
    }

    /** The accounts the person's leads were converted into and their contacts belong to. */
    private static Set<AccountId> accountsOf(List<Lead> leads, List<Contact> contacts) {
        Set<AccountId> accounts = new LinkedHashSet<>();
        leads.forEach(l -> {
            if (l.outcome().convertedAccount() != null) {
                accounts.add(l.outcome().convertedAccount());
            }
        });
        contacts.forEach(c -> {
            if (c.account() != null) {
                accounts.add(c.account());
            }
        });
        return accounts;
    }

    /** The opportunities with the person (as contact, or converted from their lead): the deal stays, scrubbed. */
    private void opportunities(List<Lead> leads, List<Contact> contacts, Set<AccountId> accounts,
                               UnaryOperator<String> traces) {
        Set<Object> people = new LinkedHashSet<>();
        leads.forEach(l -> people.add(l.id()));
        contacts.forEach(c -> people.add(c.id()));
        for (AccountId account : accounts) {
            for (Opportunity o : tx.opportunities().findByAccount(account)) {
                if (people.contains(o.contact()) || people.contains(o.sourceLead())) {
                    keep(tx.opportunities(), o, o.redacted(traces));
                }
            }
        }
    }

    private static void names(Set<String> names, @Nullable String first, @Nullable String last) {
        if (last == null && first != null) {
            names.add(first.strip().toLowerCase(Locale.ROOT)); // an account named after a one-name person
        }
        if (last != null) {
            names.add(last.strip().toLowerCase(Locale.ROOT));
            if (first != null) {
                names.add((first.strip() + " " + last.strip()).toLowerCase(Locale.ROOT));
            }
        }
    }

    private void ownAddress(People people, @Nullable EmailAddress email, Set<EmailAddress> addresses) {
        if (email != null && tx.leads().findByEmail(email).stream().allMatch(l -> people.leads.containsKey(l.id()))
                && tx.contacts().findByEmail(email).stream().allMatch(c -> people.contacts.containsKey(c.id()))) {
            addresses.add(email);
        }
    }

    /** Tasks and calendar events about the person: the rep's work stays, the person's traces go. */
    private void about(Subject subject, @Nullable ContactId contact, UnaryOperator<String> traces) {
        tx.tasks().findBySubject(subject).forEach(t -> keep(tx.tasks(), t, t.redacted(traces)));
        for (CalendarEvent e : tx.calendarEvents().findBySubject(subject)) {
            keep(tx.calendarEvents(), e, e.redacted(contact, traces));
        }
    }

    private <I extends EntityId, T extends Versioned<I, T>> void keep(Repository<I, T> repo, T held, T scrubbed) {
        kept.add(held.id().value());
        if (!scrubbed.equals(held)) {
            repo.save(scrubbed);
        }
    }

    private void deleteDocuments(DocumentOwner owner) {
        for (Document d : tx.documents().ofOwner(owner)) {
            if (tx.documents().delete(d.id())) {
                discarded.add(d.id().toString());
            }
        }
    }

    private AuditEntry erased(String type, Versioned<?, ?> record, String operation) {
        return new AuditEntry(UUID.randomUUID(), type, record.id().value(), record.version(), AuditAction.ERASED,
                ctx.user(), ctx.now(), operation, List.of());
    }

    private void discard(TenantId tenant, String key) {
        try {
            documentStore.delete(tenant, key);
        } catch (IOException | UncheckedIOException e) {
            LOG.error("could not remove the bytes of erased document {}; remove them from the store by hand", key, e);
        }
    }
}
