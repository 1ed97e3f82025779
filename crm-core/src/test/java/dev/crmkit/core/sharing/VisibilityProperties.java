package dev.crmkit.core.sharing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crmkit.core.Crm;
import dev.crmkit.core.common.Actor;
import dev.crmkit.core.common.LeadId;
import dev.crmkit.core.common.NotFoundException;
import dev.crmkit.core.common.PageRequest;
import dev.crmkit.core.common.TenantId;
import dev.crmkit.core.common.UserId;
import dev.crmkit.core.lead.LeadQuery;
import dev.crmkit.core.lead.NewLead;
import dev.crmkit.core.memory.InMemoryStorage;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Visibility against a simple model: for any teams (a manager and members, managers managing managers), leads
 * owned by anyone or no one, shares, and any reader (a rep, a manager, an ADMIN), the lead list, its count and a read
 * by id return exactly the leads the model says the reader sees: unassigned, owned by the reader or by someone below
 * them in the hierarchy, or shared with them; all for an ADMIN.
 */
class VisibilityProperties {
    private static final int USERS = 6;

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
        TenantId tenant = TenantId.of("visibility");
        Crm admin = Crm.builder().storage(InMemoryStorage.create())
                .actor(new Actor(tenant, UserId.of("admin"), Set.of(Actor.ADMIN, Actor.MANAGER))).build();
        Crm system = admin.as(new Actor(tenant, UserId.SYSTEM, Set.of()));
        Set<Integer> inTeams = new HashSet<>();
        for (int t = 0; t < w.teams().size(); t++) {
            TeamSpec spec = w.teams().get(t);
            Set<UserId> members = new LinkedHashSet<>();
            spec.members().forEach(m -> members.add(user(m)));
            admin.teams().create("team " + t, user(spec.manager()), members);
            inTeams.add(spec.manager());
            inTeams.addAll(spec.members());
        }
        List<LeadId> ids = new ArrayList<>();
        Set<LeadId> seen = new HashSet<>();
        Set<Integer> below = below(w.teams(), w.reader());
        for (int i = 0; i < w.leads().size(); i++) {
            LeadSpec spec = w.leads().get(i);
            NewLead lead = NewLead.of("Pat", "Lead" + i, "lead" + i + "@example.com");
            LeadId id = spec.owner() < 0 ? system.leads().capture(lead)
                    : admin.leads().capture(lead.owner(user(spec.owner())));
            boolean shared = false;
            for (int u : spec.sharedWith()) {
                if (inTeams.contains(u)) { // a share needs a user CRMKit knows
                    admin.sharing().share(id, user(u));
                    shared |= u == w.reader();
                }
            }
            ids.add(id);
            if (w.admin() || spec.owner() < 0 || below.contains(spec.owner()) || shared) {
                seen.add(id);
            }
        }
        Crm reader = admin.as(new Actor(tenant, user(w.reader()),
                w.admin() ? Set.of(Actor.ADMIN) : Set.of(Actor.MANAGER)));

        List<LeadId> listed = new ArrayList<>();
        for (int p = 0; ; p++) { // small pages, every one: a page filtered after paging would come short
            var page = reader.leads().search(LeadQuery.all(), new PageRequest(p, w.pageSize()));
            assertThat(page.total()).isEqualTo(seen.size());
            page.items().forEach(l -> listed.add(l.id()));
            if (!page.hasNext()) {
                break;
            }
            assertThat(page.items()).hasSize(w.pageSize());
        }
        assertThat(listed).containsExactlyInAnyOrderElementsOf(seen);
        for (LeadId id : ids) {
            if (seen.contains(id)) {
                assertThat(reader.leads().get(id).id()).isEqualTo(id);
            } else {
                assertThatThrownBy(() -> reader.leads().get(id)).isInstanceOf(NotFoundException.class);
            }
        }
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
