package dev.crmkit.core.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crmkit.core.Crm;
import dev.crmkit.core.common.AccountId;
import dev.crmkit.core.common.Actor;
import dev.crmkit.core.common.ContactId;
import dev.crmkit.core.common.EntityId;
import dev.crmkit.core.common.GroupField;
import dev.crmkit.core.common.LeadId;
import dev.crmkit.core.common.Money;
import dev.crmkit.core.common.NotFoundException;
import dev.crmkit.core.common.OpportunityId;
import dev.crmkit.core.common.Page;
import dev.crmkit.core.common.PageRequest;
import dev.crmkit.core.common.TenantId;
import dev.crmkit.core.common.UserId;
import dev.crmkit.core.customer.Account;
import dev.crmkit.core.customer.AccountDetails;
import dev.crmkit.core.customer.Contact;
import dev.crmkit.core.customer.ContactDetails;
import dev.crmkit.core.customer.ContactQuery;
import dev.crmkit.core.customer.PeopleQuery;
import dev.crmkit.core.lead.Lead;
import dev.crmkit.core.lead.LeadQuery;
import dev.crmkit.core.lead.NewLead;
import dev.crmkit.core.sales.ForecastPeriod;
import dev.crmkit.core.sales.NewOpportunity;
import dev.crmkit.core.sales.Opportunity;
import dev.crmkit.core.segment.Criteria;
import dev.crmkit.core.segment.SegmentTarget;
import dev.crmkit.core.storage.Storage;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Visibility against a simple model, on every adapter: for any teams (a manager and members, managers managing
 * managers), leads owned by anyone or no one, shares, and any reader (a rep, a manager, an ADMIN), the lead list, its
 * count and a read by id return exactly the leads the model says the reader sees: unassigned, owned by the reader or
 * by someone below them in the hierarchy, or shared with them; all for an ADMIN. Accounts and what belongs to them
 * likewise (see the second property).
 */
public abstract class VisibilityContract {
    private static final int USERS = 6;

    /** The storage under test; each try writes to a tenant of its own. */
    protected abstract Storage storage();

    private static TenantId freshTenant() {
        return TenantId.of("vis-" + UUID.randomUUID().toString().substring(0, 18));
    }

    record TeamSpec(int manager, Set<Integer> members) {
    }

    record LeadSpec(int owner, Set<Integer> sharedWith) { // owner -1: unassigned
    }

    record World(List<TeamSpec> teams, List<LeadSpec> leads, int reader, boolean admin, int pageSize) {
    }

    @Provide
    Arbitrary<World> worlds() {
        Arbitrary<Integer> user = Arbitraries.integers().between(0, USERS - 1);
        Arbitrary<TeamSpec> team = Combinators.combine(user, user.set().ofMaxSize(3)).as(TeamSpec::new);
        Arbitrary<LeadSpec> lead = Combinators.combine(Arbitraries.integers().between(-1, USERS - 1),
                user.set().ofMaxSize(2)).as(LeadSpec::new);
        return Combinators.combine(team.list().ofMaxSize(4), lead.list().ofMaxSize(12), user,
                Arbitraries.integers().between(0, 5).map(n -> n == 0), Arbitraries.integers().between(1, 5))
                .as(World::new);
    }

    @Property(tries = 60)
    void everyListCountAndReadShowsExactlyWhatTheModelSees(@ForAll("worlds") World w) {
        TenantId tenant = freshTenant();
        Crm admin = Crm.builder().storage(storage())
                .actor(new Actor(tenant, UserId.of("admin"), Set.of(Actor.ADMIN, Actor.MANAGER))).build();
        Crm system = admin.as(new Actor(tenant, UserId.SYSTEM, Set.of()));
        Set<Integer> inTeams = teams(admin, w.teams());
        List<LeadId> ids = new ArrayList<>();
        Set<LeadId> seen = new HashSet<>();
        Set<Integer> below = below(w.teams(), w.reader());
        for (int i = 0; i < w.leads().size(); i++) {
            LeadSpec spec = w.leads().get(i);
            NewLead lead = NewLead.of("Pat", "Lead" + i, "lead" + i + "@example.com");
            LeadId id = spec.owner() < 0 ? system.leads().capture(lead)
                    : admin.leads().capture(lead.owner(user(spec.owner())));
            boolean shared = share(admin, id, spec.sharedWith(), inTeams, w.reader()); // only users CRMKit knows
            ids.add(id);
            if (w.admin() || spec.owner() < 0 || below.contains(spec.owner()) || shared) {
                seen.add(id);
            }
        }
        Crm reader = admin.as(new Actor(tenant, user(w.reader()),
                w.admin() ? Set.of(Actor.ADMIN) : Set.of(Actor.MANAGER)));

        // small pages, every one: a page filtered after paging would come short
        assertThat(allPages(w.pageSize(), page -> reader.leads().search(LeadQuery.all(), page), seen.size())
                .stream().map(Lead::id).toList()).containsExactlyInAnyOrderElementsOf(seen);
        assertThat(allPages(w.pageSize(), page -> reader.segments().preview(SegmentTarget.LEAD, Criteria.all(),
                page), seen.size())).containsExactlyInAnyOrderElementsOf(seen);
        for (LeadId id : ids) {
            if (seen.contains(id)) {
                assertThat(reader.leads().get(id).id()).isEqualTo(id);
            } else {
                assertThatThrownBy(() -> reader.leads().get(id)).isInstanceOf(NotFoundException.class);
            }
        }
    }

    record AccountSpec(int owner, Set<Integer> team, Set<Integer> sharedWith) {
    }

    record RecordSpec(int account, int owner, Set<Integer> sharedWith) { // account -1: none
    }

    record Accounts(List<TeamSpec> teams, List<AccountSpec> accounts, List<RecordSpec> contacts,
                    List<RecordSpec> deals, int reader, boolean admin, int pageSize) {
    }

    @Provide
    Arbitrary<Accounts> accountWorlds() {
        Arbitrary<Integer> user = Arbitraries.integers().between(0, USERS - 1);
        Arbitrary<TeamSpec> team = Combinators.combine(user, user.set().ofMaxSize(3)).as(TeamSpec::new);
        Arbitrary<AccountSpec> account = Combinators.combine(user, user.set().ofMaxSize(2), user.set().ofMaxSize(1))
                .as(AccountSpec::new);
        Arbitrary<RecordSpec> record = Combinators.combine(Arbitraries.integers().between(-1, 3), user,
                user.set().ofMaxSize(1)).as(RecordSpec::new);
        return Combinators.combine(team.list().ofMaxSize(4), account.list().ofMinSize(1).ofMaxSize(4),
                record.list().ofMaxSize(8), record.list().ofMaxSize(6), user,
                Arbitraries.integers().between(0, 5).map(n -> n == 0), Arbitraries.integers().between(1, 4))
                .as(Accounts::new);
    }

    /**
     * Accounts, their contacts and opportunities against the model: an account is seen when owned by the reader or
     * someone below them, when one of them is on its account team, or when it is shared with the reader; a contact
     * or opportunity when it is itself seen so (owner, share) or its account is. Lists page by page, their totals,
     * segment counts and members, the people count, the forecast and every read by id agree with it.
     */
    @Property(tries = 60)
    void accountsAndWhatBelongsToThemShowExactlyWhatTheModelSees(@ForAll("accountWorlds") Accounts w) {
        TenantId tenant = freshTenant();
        Crm admin = Crm.builder().storage(storage())
                .actor(new Actor(tenant, UserId.of("admin"), Set.of(Actor.ADMIN, Actor.MANAGER))).build();
        Set<Integer> inTeams = teams(admin, w.teams());
        Set<Integer> below = below(w.teams(), w.reader());
        boolean[] accountSeen = new boolean[w.accounts().size()];
        List<AccountId> accounts = new ArrayList<>();
        Set<AccountId> seenAccounts = new HashSet<>();
        for (int i = 0; i < w.accounts().size(); i++) {
            AccountSpec spec = w.accounts().get(i);
            AccountId id = admin.accounts().create(AccountDetails.named("Account " + i).withOwner(user(spec.owner())));
            spec.team().forEach(u -> admin.accountTeams().addMember(id, user(u), "member"));
            boolean shared = share(admin, id, spec.sharedWith(), inTeams, w.reader());
            accountSeen[i] = w.admin() || below.contains(spec.owner()) || spec.team().stream()
                    .anyMatch(below::contains) || shared;
            accounts.add(id);
            if (accountSeen[i]) {
                seenAccounts.add(id);
            }
        }
        Map<ContactId, Boolean> contacts = new LinkedHashMap<>();
        for (int i = 0; i < w.contacts().size(); i++) {
            RecordSpec spec = w.contacts().get(i);
            int account = spec.account() < accounts.size() ? spec.account() : -1;
            ContactId id = admin.contacts().create(ContactDetails.of(account < 0 ? null : accounts.get(account),
                    "Pat", "Contact" + i, null).withOwner(user(spec.owner())));
            boolean shared = share(admin, id, spec.sharedWith(), inTeams, w.reader());
            contacts.put(id, w.admin() || below.contains(spec.owner()) || shared
                    || account >= 0 && accountSeen[account]);
        }
        Map<OpportunityId, Boolean> deals = new LinkedHashMap<>();
        Map<OpportunityId, AccountId> dealAccounts = new HashMap<>();
        for (int i = 0; i < w.deals().size(); i++) {
            RecordSpec spec = w.deals().get(i);
            int account = Math.floorMod(spec.account(), accounts.size()); // an opportunity needs an account
            OpportunityId id = admin.opportunities().create(NewOpportunity.of(accounts.get(account), "Deal " + i,
                    Money.of("10.00", "EUR"), LocalDate.of(2030, 1, 15)).withOwner(user(spec.owner())));
            boolean shared = share(admin, id, spec.sharedWith(), inTeams, w.reader());
            deals.put(id, w.admin() || below.contains(spec.owner()) || shared || accountSeen[account]);
            dealAccounts.put(id, accounts.get(account));
        }
        Crm reader = admin.as(new Actor(tenant, user(w.reader()),
                w.admin() ? Set.of(Actor.ADMIN) : Set.of(Actor.MANAGER)));
        Set<ContactId> seenContacts = new HashSet<>();
        contacts.forEach((id, seen) -> {
            if (seen) {
                seenContacts.add(id);
            }
        });

        assertThat(allPages(w.pageSize(), page -> reader.accounts().list(page), seenAccounts.size())
                .stream().map(Account::id).toList()).containsExactlyInAnyOrderElementsOf(seenAccounts);
        assertThat(allPages(w.pageSize(), page -> reader.contacts().search(ContactQuery.all(), page),
                seenContacts.size()).stream().map(Contact::id).toList())
                .containsExactlyInAnyOrderElementsOf(seenContacts);
        assertThat(allPages(w.pageSize(), page -> reader.segments().preview(SegmentTarget.CONTACT, Criteria.all(),
                page), seenContacts.size())).containsExactlyInAnyOrderElementsOf(seenContacts);
        assertThat(reader.segments().count(SegmentTarget.ACCOUNT, Criteria.all())).isEqualTo(seenAccounts.size());
        assertThat(reader.contacts().countPeople(PeopleQuery.all(), GroupField.OWNER).values().stream()
                .mapToLong(Long::longValue).sum()).isEqualTo(seenContacts.size());
        long seenDeals = deals.values().stream().filter(b -> b).count();
        assertThat(reader.forecasts().forPeriod(ForecastPeriod.quarter(2030, 1)).in("EUR").opportunities())
                .isEqualTo(seenDeals);

        for (int i = 0; i < accounts.size(); i++) {
            AccountId id = accounts.get(i);
            if (accountSeen[i]) {
                assertThat(reader.accounts().get(id).id()).isEqualTo(id);
            } else {
                assertThatThrownBy(() -> reader.accounts().get(id)).isInstanceOf(NotFoundException.class);
            }
            assertThat(reader.opportunities().ofAccount(id)).extracting(Opportunity::id)
                    .containsExactlyInAnyOrderElementsOf(deals.keySet().stream()
                            .filter(d -> deals.get(d) && dealAccounts.get(d).equals(id)).toList());
        }
        contacts.forEach((id, seen) -> {
            if (seen) {
                assertThat(reader.contacts().get(id).id()).isEqualTo(id);
            } else {
                assertThatThrownBy(() -> reader.contacts().get(id)).isInstanceOf(NotFoundException.class);
            }
        });
        deals.forEach((id, seen) -> {
            if (seen) {
                assertThat(reader.opportunities().get(id).id()).isEqualTo(id);
            } else {
                assertThatThrownBy(() -> reader.opportunities().get(id)).isInstanceOf(NotFoundException.class);
            }
        });
    }

    /** Every page of {@code size}, each checked to report {@code total} and to be full but the last. */
    private static <T> List<T> allPages(int size, Function<PageRequest, Page<T>> read, long total) {
        List<T> all = new ArrayList<>();
        for (int p = 0; ; p++) {
            Page<T> page = read.apply(new PageRequest(p, size));
            assertThat(page.total()).isEqualTo(total);
            all.addAll(page.items());
            if (!page.hasNext()) {
                return all;
            }
            assertThat(page.items()).hasSize(size);
        }
    }

    private static Set<Integer> teams(Crm admin, List<TeamSpec> teams) {
        Set<Integer> inTeams = new HashSet<>();
        for (int t = 0; t < teams.size(); t++) {
            TeamSpec spec = teams.get(t);
            Set<UserId> members = new LinkedHashSet<>();
            spec.members().forEach(m -> members.add(user(m)));
            admin.teams().create("team " + t, user(spec.manager()), members);
            inTeams.add(spec.manager());
            inTeams.addAll(spec.members());
        }
        return inTeams;
    }

    /** Shares {@code record} with those of {@code users} CRMKit knows; whether it was shared with {@code reader}. */
    private static boolean share(Crm admin, EntityId record, Set<Integer> users, Set<Integer> inTeams, int reader) {
        boolean shared = false;
        for (int u : users) {
            if (inTeams.contains(u)) {
                admin.sharing().share(record, user(u));
                shared |= u == reader;
            }
        }
        return shared;
    }

    private static UserId user(int n) {
        return UserId.of("u" + n);
    }

    /** The reader and everyone below them: members of teams they manage, transitively. */
    private static Set<Integer> below(List<TeamSpec> teams, int reader) {
        Set<Integer> below = new HashSet<>();
        Deque<Integer> todo = new ArrayDeque<>(List.of(reader));
        while (!todo.isEmpty()) {
            int next = todo.pop();
            if (below.add(next)) {
                teams.stream().filter(t -> t.manager() == next).forEach(t -> todo.addAll(t.members()));
            }
        }
        return below;
    }
}
