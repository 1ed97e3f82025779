package dev.crmkit.reporting;

import dev.crmkit.core.common.AccessDeniedException;
import dev.crmkit.core.common.AccountId;
import dev.crmkit.core.common.ContactId;
import dev.crmkit.core.common.UserId;
import dev.crmkit.core.customer.Account;
import dev.crmkit.core.customer.Contact;
import dev.crmkit.core.customer.Purchase;
import dev.crmkit.core.lead.Lead;
import dev.crmkit.core.sales.Opportunity;
import dev.crmkit.core.service.Case;
import dev.crmkit.core.sharing.Visibility;
import dev.crmkit.core.storage.StorageTx;
import dev.crmkit.core.task.Task;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiPredicate;
import org.jspecify.annotations.Nullable;

/**
 * Which fact rows a report's reader sees: the rows of the records the services would show them (a lead, contact,
 * opportunity or case they see; a purchase of an account they see; a task assigned to or created by someone of their
 * audience). Reads the
 * reader's shares once and each account's owner once, so filtering costs no query per row.
 */
final class SeenFacts {
    /** Dimensions naming a person or company: marketing facts grouped or filtered by them name records one by one. */
    private static final Set<Dimension> WHO = EnumSet.of(Dimension.LEAD, Dimension.CONTACT, Dimension.ACCOUNT,
            Dimension.VISITOR);
    private static final SeenFacts ALL = new SeenFacts(Visibility.everything(), null);

    private final Visibility visibility;
    private final @Nullable StorageTx tx;
    private final Set<UUID> shared;
    private final Map<AccountId, Optional<Account>> accounts = new HashMap<>();
    private final Map<ContactId, Optional<Contact>> contacts = new HashMap<>();

    private SeenFacts(Visibility visibility, @Nullable StorageTx tx) {
        this.visibility = visibility;
        this.tx = tx;
        this.shared = tx == null || visibility.all() ? Set.of()
                : tx.shares().sharedWith(Objects.requireNonNull(visibility.viewer()));
    }

    static SeenFacts of(Visibility visibility, StorageTx tx) {
        return visibility.all() ? ALL : new SeenFacts(visibility, tx);
    }

    /**
     * The kind of record a source's rows are seen as: the report is filtered by the reader's visibility of it
     * (purchases by their account's; marketing facts are checked by {@link #check}).
     */
    static String kindOf(FactSource source) {
        return switch (source) {
            case LEADS, TOUCHPOINTS, SEQUENCE_STEPS -> "Lead";
            case CONTACTS -> "Contact";
            case PURCHASES -> "Account";
            case OPPORTUNITIES -> "Opportunity";
            case CASES -> "Case";
            case TASKS -> "Task";
        };
    }

    /**
     * Touchpoints and nurture steps stay tenant-wide counts (ad and campaign performance holds no one's data), but a
     * reader who does not see every lead may not group or filter them by who they are about: that would list the
     * leads, contacts, accounts and visitors one by one.
     */
    static void check(ReportDefinition definition, Visibility visibility) {
        FactSource source = definition.source();
        if (visibility.all() || source != FactSource.TOUCHPOINTS && source != FactSource.SEQUENCE_STEPS) {
            return;
        }
        Set<Dimension> named = EnumSet.noneOf(Dimension.class); // grouped or filtered by; a distinct count names none
        named.addAll(definition.dimensions());
        definition.filters().forEach(f -> named.add(f.dimension()));
        definition.measures().forEach(m -> m.where().forEach(f -> named.add(f.dimension())));
        for (Dimension d : named) {
            if (WHO.contains(d)) {
                throw new AccessDeniedException(visibility.viewer() + " sees only some leads and may not break "
                        + source + " down by " + d);
            }
        }
    }

    /** Whether the reader sees the rows of {@code source} unfiltered. */
    boolean all(FactSource source) {
        return visibility.all() || source == FactSource.TOUCHPOINTS || source == FactSource.SEQUENCE_STEPS;
    }

    private BiPredicate<UUID, UserId> shares() {
        return (record, user) -> shared.contains(record);
    }

    boolean lead(Lead l) {
        return visibility.sees(l.id().value(), l.owner(), shares());
    }

    boolean contact(Contact c) {
        return visibility.all() || visibility.sees(c.id().value(), c.owner(), value(c.account()),
                accountOwner(c.account()), shares());
    }

    boolean opportunity(Opportunity o) {
        return visibility.all() || visibility.sees(o.id().value(), o.owner(), o.account().value(),
                accountOwner(o.account()), shares());
    }

    boolean serviceCase(Case c) {
        AccountId account = c.regarding().account();
        return visibility.all() || visibility.sees(c.id().value(), c.owner(), value(account), accountOwner(account),
                shares());
    }

    /** A purchase is seen with its account; one of no account with its contact. */
    boolean purchase(Purchase p) {
        if (visibility.all()) {
            return true;
        }
        if (p.account() != null) {
            return account(p.account()).map(a -> visibility.sees(a.id().value(), a.owner(), a.id().value(),
                    a.owner(), shares())).orElse(false);
        }
        return p.contact() != null && contact(p.contact()).map(this::contact).orElse(false);
    }

    boolean task(Task t) {
        return visibility.all() || visibility.owners().contains(t.assignee())
                || visibility.owners().contains(t.createdBy());
    }

    private static @Nullable UUID value(@Nullable AccountId id) {
        return id == null ? null : id.value();
    }

    private @Nullable UserId accountOwner(@Nullable AccountId id) {
        return id == null ? null : account(id).map(Account::owner).orElse(null);
    }

    private Optional<Account> account(AccountId id) {
        return accounts.computeIfAbsent(id, a -> Objects.requireNonNull(tx).accounts().find(a));
    }

    private Optional<Contact> contact(ContactId id) {
        return contacts.computeIfAbsent(id, c -> Objects.requireNonNull(tx).contacts().find(c));
    }
}
