package dev.crmkit.core.customer;

import dev.crmkit.core.common.AccountId;
import dev.crmkit.core.common.Address;
import dev.crmkit.core.common.GeoBox;
import dev.crmkit.core.common.GeoPoint;
import dev.crmkit.core.common.GeoSearch;
import dev.crmkit.core.common.Geocoder;
import dev.crmkit.core.common.MatchKeys;
import dev.crmkit.core.common.Nearby;
import dev.crmkit.core.common.Page;
import dev.crmkit.core.common.PageRequest;
import dev.crmkit.core.common.Ref;
import dev.crmkit.core.common.Text;
import dev.crmkit.core.common.Validation;
import dev.crmkit.core.context.CrmContext;
import dev.crmkit.core.customer.CustomerEvent.AccountSaved;
import dev.crmkit.core.sharing.Guard;
import dev.crmkit.core.sharing.OwnedRecords;
import dev.crmkit.core.sharing.Ownership;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/** Accounts: create, update, find. New accounts are prospects until their first purchase. */
public final class AccountService {
    static final String KIND = "Account";
    private static final Guard<AccountId, Account> GUARD = new Guard<>(KIND,
            a -> new OwnedRecords.Owned(KIND, a.id(), a.owner(), a.id()));
    private final CrmContext<? extends CustomerTx> ctx;

    /** Created by {@code Crm}; hosts obtain it from the facade. */
    public AccountService(CrmContext<? extends CustomerTx> ctx) {
        this.ctx = ctx;
    }

    /** Creates an account as a prospect; a blank name or a website that is no http(s) URL is a ValidationException. */
    public AccountId create(AccountDetails details) {
        return save(null, details).id();
    }

    /**
     * Replaces the details of the account {@code read}, the record they were computed from; stage and creation time
     * stay. When it changed since, nothing is written and this is a {@code ConcurrentUpdateException}.
     */
    public Account update(Account read, AccountDetails details) {
        return save(Objects.requireNonNull(read, "read"), details);
    }

    /** As {@link #update(Account, AccountDetails)}, for a caller that kept the id and the version it read. */
    public Account update(AccountId id, long expectedVersion, AccountDetails details) {
        return save(Ref.of(id, expectedVersion), details);
    }

    /**
     * The account these details would create, checked like {@link #create} (every invalid field at once) but not
     * stored: what an import's dry run shows, and what a duplicate check compares before anything is saved.
     */
    public Account preview(AccountDetails details) {
        Validation.argument("details", details);
        Checked c = check(details);
        return build(null, null, details, c);
    }

    /** Creates ({@code ref} null) or replaces the account {@code ref}. */
    private Account save(@Nullable Ref<AccountId> ref, AccountDetails d) {
        Validation.argument("details", d);
        Checked c = check(d);
        return ctx.write(tx -> {
            Account old = ref == null ? null : GUARD.current(ctx, tx, tx.accounts(), ref);
            Account saved = tx.accounts().save(build(old, ref == null ? null : ref.id(), d, c));
            ctx.raise(new AccountSaved(ctx.actor().tenant(), ctx.now(), saved));
            return saved;
        });
    }

    private Checked check(AccountDetails d) {
        Validation v = new Validation();
        String name = v.requireText("name", d.name());
        v.maxLength("name", name, CustomerLimits.ACCOUNT_NAME);
        String industry = Text.blankToNull(d.industry());
        v.maxLength("industry", industry, CustomerLimits.INDUSTRY);
        String website = Text.blankToNull(d.website());
        if (v.maxLength("website", website, CustomerLimits.WEBSITE)) {
            v.check(website == null || isWebUrl(website), "website", "is not an http(s) URL");
        }
        Set<String> tags = Labels.clean(d.tags());
        v.maxLengthEach("tags", tags, CustomerLimits.TAG);
        v.throwIfInvalid();
        return new Checked(Validation.checked(name), industry, website, tags,
                Geocoder.located(ctx.setting(Geocoder.class, () -> null), d.address()));
    }

    private Account build(@Nullable Account old, @Nullable AccountId id, AccountDetails d, Checked c) {
        return new Account(id == null ? AccountId.of(ctx.newId()) : id,
                old == null ? 0 : old.version(), c.name, c.industry, d.size(), c.address,
                c.website, Ownership.afterEdit(ctx, old != null, old == null ? null : old.owner(), d.owner(),
                        "account"),
                old == null ? LifecycleStage.PROSPECT : old.stage(), c.tags,
                MatchKeys.company(c.name), old == null ? ctx.now() : old.createdAt(), ctx.now());
    }

    private record Checked(String name, @Nullable String industry, @Nullable String website, Set<String> tags,
                           @Nullable Address address) {
    }

    private static boolean isWebUrl(String text) {
        try {
            URI uri = new URI(text);
            return ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /** The account, or {@code NotFoundException} (also for an account the caller may not see, see {@code sharing}). */
    public Account get(AccountId id) {
        return ctx.read(tx -> visible(ctx, tx, id));
    }

    /**
     * The account, when the actor of {@code ctx} sees it; else a {@code NotFoundException} as for a missing one:
     * what the services of other capabilities read an account through.
     */
    public static Account visible(CrmContext<?> ctx, CustomerTx tx, AccountId account) {
        return GUARD.get(ctx, tx, tx.accounts(), account);
    }

    /** Whether {@code account} exists and the actor of {@code ctx} sees it: what a record naming an account needs. */
    public static boolean seen(CrmContext<?> ctx, CustomerTx tx, AccountId account) {
        return tx.accounts().find(account).filter(a -> GUARD.sees(ctx, tx, a)).isPresent();
    }

    /** Whether the actor of {@code ctx} sees an account read already; the visibility is worked out once. */
    public static Predicate<Account> seenBy(CrmContext<?> ctx, CustomerTx tx) {
        return GUARD.seenBy(ctx, tx);
    }

    /**
     * {@link #seen(CrmContext, CustomerTx, AccountId)} for many accounts: the actor's visibility is worked out once
     * and each account read and judged once (an export or a list naming the same accounts again and again).
     */
    public static Predicate<AccountId> seenAccounts(CrmContext<?> ctx, CustomerTx tx) {
        Predicate<Account> seen = seenBy(ctx, tx);
        Map<AccountId, Boolean> judged = new HashMap<>();
        return account -> judged.computeIfAbsent(account, a -> tx.accounts().find(a).filter(seen).isPresent());
    }

    private List<Account> seen(CustomerTx tx, List<Account> accounts) {
        return GUARD.seen(ctx, tx, accounts);
    }

    /**
     * Accounts the caller sees whose name matches ignoring case, accents and legal-form suffixes ("Acme Inc." =
     * "ACME").
     */
    public List<Account> findByName(String name) {
        String key = MatchKeys.company(name);
        return key == null ? List.of() : ctx.read(tx -> seen(tx, tx.accounts().findByNameKey(key)));
    }

    /** The accounts the caller sees, by name. */
    public Page<Account> list(PageRequest page) {
        return ctx.read(tx -> tx.accounts().list(GUARD.visibility(ctx, tx), page));
    }

    /**
     * Accounts whose address lies within {@code radiusKm} of {@code center}, nearest first (ties by id), at most
     * {@code limit}; bad input as in {@code LeadService.near}.
     */
    public List<Nearby<Account>> near(GeoPoint center, double radiusKm, int limit) {
        GeoSearch.check(center, radiusKm, limit);
        return ctx.read(tx -> GeoSearch.nearest(seen(tx, tx.accounts().findWithin(GeoBox.around(center, radiusKm))),
                a -> GeoSearch.of(a.address()), Account::id, center, radiusKm, limit));
    }
}
