package dev.crmkit.core.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crmkit.core.Crm;
import dev.crmkit.core.common.Actor;
import dev.crmkit.core.common.Address;
import dev.crmkit.core.common.PageRequest;
import dev.crmkit.core.common.TenantId;
import dev.crmkit.core.common.UserId;
import dev.crmkit.core.customer.Account;
import dev.crmkit.core.customer.AccountDetails;
import dev.crmkit.core.memory.InMemoryStorage;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The trail against a simple reference: for any sequence of account edits by any reps, each entry names exactly the
 * fields whose values differ between the versions the edit read and wrote, with those values, and the versions the
 * entries name follow one another.
 */
class AuditProperties {
    private static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");
    /** Every field of an account an edit can change, as the trail names it, read from a stored account. */
    private static final Map<String, Function<Account, String>> FIELDS = fields();

    private static Map<String, Function<Account, String>> fields() {
        Map<String, Function<Account, String>> f = new HashMap<>();
        f.put("name", Account::name);
        f.put("nameKey", Account::nameKey);
        f.put("industry", Account::industry);
        f.put("website", Account::website);
        f.put("owner", a -> a.owner() == null ? null : a.owner().value());
        f.put("address.city", a -> a.address() == null ? null : a.address().city());
        f.put("address.country", a -> a.address() == null ? null : a.address().country());
        f.put("tags", a -> "[" + String.join(",", new TreeSet<>(a.tags())
                .stream().map(t -> "\"" + t + "\"").toList()) + "]");
        return f;
    }

    record Edit(int rep, AccountDetails details) {
    }

    @Provide
    Arbitrary<Edit> edits() {
        Arbitrary<String> names = Arbitraries.of("Analytical Engines", "Difference Engines", "Jacquard Looms");
        Arbitrary<String> industries = Arbitraries.of("Machinery", "Textiles").injectNull(0.3);
        Arbitrary<String> cities = Arbitraries.of("London", "Leeds").injectNull(0.3);
        Arbitrary<String> countries = Arbitraries.of("GB", "IE");
        Arbitrary<String> websites = Arbitraries.of("https://engines.example", "https://looms.example").injectNull(0.3);
        Arbitrary<Set<String>> tags = Arbitraries.of("vip", "north", "lapsed").set().ofMaxSize(3);
        Arbitrary<AccountDetails> details = Combinators.combine(names, industries, cities, countries, websites, tags)
                .as((n, i, c, k, w, t) -> new AccountDetails(n, i, null, c == null ? null : Address.of(c, null, k),
                        w, UserId.of("rep-0"), t));
        return Combinators.combine(Arbitraries.integers().between(0, 2), details).as(Edit::new);
    }

    @Provide
    Arbitrary<List<Edit>> editLists() {
        return edits().list().ofMaxSize(8);
    }

    @Property(tries = 200)
    void eachEntryNamesExactlyTheFieldsThatChangedWithTheirValues(
            @ForAll("edits") Edit first, @ForAll("editLists") List<Edit> edits) {
        InMemoryStorage storage = InMemoryStorage.create();
        Crm crm = Crm.builder().storage(storage).clock(Clock.fixed(T0, ZoneOffset.UTC)).build();
        for (int manager = 1; manager <= 2; manager++) { // rep-1 and rep-2 see rep-0's account as its managers
            crm.teams().create("Team " + manager, UserId.of("rep-" + manager), Set.of(UserId.of("rep-0")));
        }
        List<Account> versions = new ArrayList<>();
        versions.add(crm.accounts().get(crm.accounts().create(first.details())));
        for (Edit e : edits) {
            Crm rep = crm.as(new Actor(TenantId.DEFAULT, UserId.of("rep-" + e.rep()), Set.of(Actor.MANAGER)));
            versions.add(rep.accounts().update(versions.get(versions.size() - 1), e.details()));
        }

        List<AuditEntry> trail = crm.audit().history(versions.get(0).id(), PageRequest.first(100)).items();
        assertThat(trail).hasSize(versions.size());
        assertThat(trail.get(0).action()).isEqualTo(AuditAction.CREATED);
        assertThat(trail.get(0).changes()).isEmpty();
        for (int i = 1; i < versions.size(); i++) {
            Account before = versions.get(i - 1);
            Account after = versions.get(i);
            List<FieldChange> expected = new ArrayList<>();
            FIELDS.forEach((field, value) -> {
                if (!Objects.equals(value.apply(before), value.apply(after))) {
                    expected.add(new FieldChange(field, value.apply(before), value.apply(after)));
                }
            });
            AuditEntry entry = trail.get(i);
            assertThat(entry.action()).isEqualTo(AuditAction.UPDATED);
            assertThat(entry.version()).isEqualTo(after.version()).isEqualTo(trail.get(i - 1).version() + 1);
            assertThat(entry.actor()).isEqualTo(UserId.of("rep-" + edits.get(i - 1).rep()));
            assertThat(entry.changes()).containsExactlyInAnyOrderElementsOf(expected);
        }
    }
}
