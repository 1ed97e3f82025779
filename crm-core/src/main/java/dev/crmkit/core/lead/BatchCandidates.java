package dev.crmkit.core.lead;

import dev.crmkit.core.common.AccountId;
import dev.crmkit.core.common.ContactId;
import dev.crmkit.core.common.EmailAddress;
import dev.crmkit.core.common.LeadId;
import dev.crmkit.core.common.PhoneNumber;
import dev.crmkit.core.customer.Account;
import dev.crmkit.core.customer.Contact;
import dev.crmkit.core.lead.DuplicateFinder.Candidate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The candidates of a whole batch of new leads, read together: the stored blocks of all their keys, the leads and
 * contacts those blocks nominate, and those sharing an email or a phone that a block did not already bring, in a
 * handful of queries (leads a {@link CaptureMemo} holds unchanged are not read again); then the leads the batch
 * stores are added as they come, so that a later record meets an earlier one of the same batch. Each record
 * gets the same candidates as a lookup of its own would give: a block only grows while the batch runs, and a larger
 * block never nominates a stored lead its smaller self did not ({@link BlockingKeys#candidates}), so what was read
 * at the start is all that can be needed.
 */
final class BatchCandidates implements DuplicateFinder.Candidates {
    private final LeadTx tx;
    private final @Nullable CaptureMemo memo;
    private final CaptureMemo.@Nullable Staging staged;
    private final Map<String, List<LeadId>> leadBlocks;
    private final Map<String, List<ContactId>> contactBlocks;
    private final Map<LeadId, Candidate> leads;
    private final Map<ContactId, Contact> contacts;
    private final Map<EmailAddress, List<Candidate>> leadsByEmail;
    private final Map<PhoneNumber, List<Candidate>> leadsByPhone;
    private final Map<EmailAddress, List<Contact>> contactsByEmail;
    private final Map<PhoneNumber, List<Contact>> contactsByPhone;
    private final Map<AccountId, String> accountNames = new HashMap<>();
    private final Map<String, List<LeadId>> addedBlocks = new HashMap<>();
    private final Map<LeadId, Candidate> added = new HashMap<>();
    private final Map<EmailAddress, List<Candidate>> addedByEmail = new HashMap<>();
    private final Map<PhoneNumber, List<Candidate>> addedByPhone = new HashMap<>();

    private BatchCandidates(LeadTx tx, Collection<Lead> records, @Nullable CaptureMemo memo,
                            Collection<Lead> inFlight) {
        this.tx = tx;
        this.memo = memo;
        this.staged = memo == null ? null : new CaptureMemo.Staging();
        Map<Lead, Set<String>> keysOf = new LinkedHashMap<>();
        Map<String, Integer> inBatch = new HashMap<>(); // how many records of the batch have each key
        for (Lead l : records) {
            Set<String> k = BlockingKeys.of(l);
            keysOf.put(l, k);
            k.forEach(key -> inBatch.merge(key, 1, Integer::sum));
        }
        Set<String> keys = inBatch.keySet();
        // Leads in flight (stored by a write that may or may not have committed yet) count as this batch's own: read
        // back from the storage they are dropped, so the blocks are the same whether their write committed or not.
        Set<LeadId> flying = new HashSet<>();
        for (Lead l : inFlight) {
            flying.add(l.id());
            BlockingKeys.of(l).forEach(key -> inBatch.merge(key, 1, Integer::sum));
        }
        leadBlocks = keys.isEmpty() ? Map.of() : without(flying, tx.leads().blockOwners(keys));
        contactBlocks = keys.isEmpty() ? Map.of() : tx.contacts().matchKeyOwners(keys);
        Set<LeadId> leadIds = new LinkedHashSet<>();
        Set<ContactId> contactIds = new LinkedHashSet<>();
        for (Set<String> k : keysOf.values()) {
            leadIds.addAll(BlockingKeys.candidates(blocks(leadBlocks, k)));
            contactIds.addAll(BlockingKeys.candidates(blocks(contactBlocks, k)));
        }
        leads = read(leadIds);
        contacts = contactIds.isEmpty() ? Map.of() : tx.contacts().findAll(contactIds);
        // The batch's own new leads join its lead blocks as it runs; contacts' blocks stay as read.
        Set<EmailAddress> emails = beyondBlocks(keysOf, l -> l.reach().email(), BlockingKeys.EMAIL, leadBlocks,
                inBatch);
        Set<PhoneNumber> phones = beyondBlocks(keysOf, l -> l.reach().phone(), BlockingKeys.PHONE, leadBlocks, inBatch);
        leadsByEmail = emails.isEmpty() ? Map.of() : candidates(tx.leads().findByEmails(emails), flying);
        leadsByPhone = phones.isEmpty() ? Map.of() : candidates(tx.leads().findByPhones(phones), flying);
        emails = beyondBlocks(keysOf, l -> l.reach().email(), BlockingKeys.EMAIL, contactBlocks, Map.of());
        phones = beyondBlocks(keysOf, l -> l.reach().phone(), BlockingKeys.PHONE, contactBlocks, Map.of());
        contactsByEmail = emails.isEmpty() ? Map.of() : tx.contacts().findByEmails(emails);
        contactsByPhone = phones.isEmpty() ? Map.of() : tx.contacts().findByPhones(phones);
        Set<AccountId> accounts = new HashSet<>();
        contacts.values().forEach(c -> addAccount(accounts, c));
        contactsByEmail.values().forEach(cs -> cs.forEach(c -> addAccount(accounts, c)));
        contactsByPhone.values().forEach(cs -> cs.forEach(c -> addAccount(accounts, c)));
        if (!accounts.isEmpty()) {
            tx.accounts().findAll(accounts).forEach((id, a) -> accountNames.put(id, a.name()));
        }
        inFlight.forEach(this::add);
    }

    /** {@code blocks} without the owners {@code dropped}. */
    private static Map<String, List<LeadId>> without(Set<LeadId> dropped, Map<String, List<LeadId>> blocks) {
        if (dropped.isEmpty()) {
            return blocks;
        }
        Map<String, List<LeadId>> kept = new HashMap<>();
        blocks.forEach((key, owners) -> kept.put(key, owners.stream().filter(id -> !dropped.contains(id)).toList()));
        return kept;
    }

    /**
     * The emails (or phones) of {@code records} that must be looked up exactly: every stored record with a record's
     * email has that email's key ({@code e:}, the phone's {@code p:}), so a block the rule lets nominate all its
     * records ({@link BlockingKeys#COMMON_BLOCK} or fewer) already brings them; only a block that is or may grow
     * larger, or a record without the key (spam has none), needs the lookup. A block grows by the batch's records
     * stored before the one matched, so {@code growth} (per key, the batch records having it) bounds its size from
     * above. Most imports then make none.
     */
    private static <V, T> Set<V> beyondBlocks(Map<Lead, Set<String>> keysOf, Function<Lead, V> value, String prefix,
                                              Map<String, List<T>> blocks, Map<String, Integer> growth) {
        Set<V> lookups = new HashSet<>();
        keysOf.forEach((lead, keys) -> {
            V v = value.apply(lead);
            if (v != null) {
                String key = keys.stream().filter(k -> k.startsWith(prefix)).findFirst().orElse(null);
                if (key == null || blocks.getOrDefault(key, List.of()).size() + growth.getOrDefault(key, 0)
                        > BlockingKeys.COMMON_BLOCK) {
                    lookups.add(v);
                }
            }
        });
        return lookups;
    }

    /**
     * Reads the candidates of {@code records} (new leads, not stored yet); those {@code memo} (may be null) holds at
     * their stored version are not read again.
     */
    static BatchCandidates of(LeadTx tx, Collection<Lead> records, @Nullable CaptureMemo memo) {
        return of(tx, records, memo, List.of());
    }

    /**
     * As {@link #of(LeadTx, Collection, CaptureMemo)}, with {@code inFlight}: new leads of an earlier batch whose
     * write may not have committed yet, candidates as if stored before this batch.
     */
    static BatchCandidates of(LeadTx tx, Collection<Lead> records, @Nullable CaptureMemo memo,
                              Collection<Lead> inFlight) {
        return new BatchCandidates(tx, records, memo, inFlight);
    }

    /** What this batch read and stores goes into the memo once {@code write} (the batch's write) commits. */
    void remember(LeadTx write) {
        if (memo != null && staged != null) {
            memo.stage(write, staged);
        }
    }

    /**
     * The leads {@code ids} as candidates: those the memo holds at their stored version from it (one query for the
     * versions), the rest read, and remembered once this transaction commits.
     */
    private Map<LeadId, Candidate> read(Set<LeadId> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<LeadId, Candidate> found = new HashMap<>();
        Set<LeadId> unread = ids;
        if (memo != null && memo.knowsAny(ids)) {
            unread = new LinkedHashSet<>();
            for (Map.Entry<LeadId, Long> stored : tx.leads().versions(ids).entrySet()) {
                Candidate known = memo.get(stored.getKey(), stored.getValue());
                if (known != null) {
                    found.put(stored.getKey(), known);
                } else {
                    unread.add(stored.getKey());
                }
            }
        }
        if (!unread.isEmpty()) {
            tx.leads().findAll(unread).forEach((id, lead) -> {
                Candidate c = Candidate.of(lead);
                found.put(id, c);
                if (staged != null) {
                    staged.put(lead.version(), c);
                }
            });
        }
        return found;
    }

    private static <V> Map<V, List<Candidate>> candidates(Map<V, List<Lead>> leads, Set<LeadId> dropped) {
        Map<V, List<Candidate>> candidates = new HashMap<>();
        leads.forEach((v, ls) -> candidates.put(v, ls.stream().filter(l -> !dropped.contains(l.id()))
                .map(Candidate::of).toList()));
        return candidates;
    }

    /** Lead {@code saved}, which this batch {@link #add added} before storing it: remembered once the write commits. */
    void stored(Lead saved) {
        Candidate candidate = added.get(saved.id());
        if (staged != null && candidate != null) {
            staged.put(saved.version(), candidate);
        }
    }

    /** A lead this batch is storing: a candidate for the records after it. */
    void add(Lead lead) {
        Candidate c = Candidate.of(lead);
        added.put(lead.id(), c);
        for (String key : BlockingKeys.of(lead)) {
            addedBlocks.computeIfAbsent(key, k -> new ArrayList<>()).add(lead.id());
        }
        if (lead.reach().email() != null) {
            addedByEmail.computeIfAbsent(lead.reach().email(), e -> new ArrayList<>()).add(c);
        }
        if (lead.reach().phone() != null) {
            addedByPhone.computeIfAbsent(lead.reach().phone(), p -> new ArrayList<>()).add(c);
        }
    }

    @Override
    public Collection<Candidate> leads(Set<String> keys, @Nullable EmailAddress email, @Nullable PhoneNumber phone) {
        List<List<LeadId>> blocks = new ArrayList<>(keys.size());
        for (String key : keys) {
            List<LeadId> stored = leadBlocks.getOrDefault(key, List.of());
            List<LeadId> more = addedBlocks.getOrDefault(key, List.of());
            if (more.isEmpty()) {
                blocks.add(stored);
            } else {
                List<LeadId> both = new ArrayList<>(stored);
                both.addAll(more);
                blocks.add(both);
            }
        }
        Map<UUID, Candidate> found = new LinkedHashMap<>();
        for (LeadId id : BlockingKeys.candidates(blocks)) {
            Candidate c = added.containsKey(id) ? added.get(id) : leads.get(id);
            if (c == null) {
                // not expected (see the class comment); correct anyway
                c = tx.leads().find(id).map(Candidate::of).orElse(null);
            }
            if (c != null) {
                found.put(id.value(), c);
            }
        }
        if (email != null) {
            concat(leadsByEmail.get(email), addedByEmail.get(email)).forEach(l -> found.putIfAbsent(l.id().value(), l));
        }
        if (phone != null) {
            concat(leadsByPhone.get(phone), addedByPhone.get(phone)).forEach(l -> found.putIfAbsent(l.id().value(), l));
        }
        return found.values();
    }

    @Override
    public Collection<Contact> contacts(Set<String> keys, @Nullable EmailAddress email, @Nullable PhoneNumber phone) {
        Map<UUID, Contact> found = new LinkedHashMap<>();
        for (ContactId id : BlockingKeys.candidates(blocks(contactBlocks, keys))) {
            Contact c = contacts.get(id);
            if (c != null) {
                found.put(id.value(), c);
            }
        }
        if (email != null) {
            contactsByEmail.getOrDefault(email, List.of()).forEach(c -> found.putIfAbsent(c.id().value(), c));
        }
        if (phone != null) {
            contactsByPhone.getOrDefault(phone, List.of()).forEach(c -> found.putIfAbsent(c.id().value(), c));
        }
        return found.values();
    }

    @Override
    public @Nullable String accountName(@Nullable AccountId account) {
        if (account == null) {
            return null;
        }
        if (!accountNames.containsKey(account)) {
            accountNames.put(account, tx.accounts().find(account).map(Account::name).orElse(null));
        }
        return accountNames.get(account);
    }

    private static <T> List<List<T>> blocks(Map<String, List<T>> owners, Collection<String> keys) {
        List<List<T>> blocks = new ArrayList<>(keys.size());
        for (String key : keys) {
            blocks.add(owners.getOrDefault(key, List.of()));
        }
        return blocks;
    }

    private static void addAccount(Set<AccountId> accounts, Contact c) {
        if (c.account() != null) {
            accounts.add(c.account());
        }
    }

    private static <T> List<T> concat(@Nullable List<T> a, @Nullable List<T> b) {
        List<T> all = new ArrayList<>(a == null ? List.of() : a);
        if (b != null) {
            all.addAll(b);
        }
        return all;
    }
}
