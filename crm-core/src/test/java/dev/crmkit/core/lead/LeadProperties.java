package dev.crmkit.core.lead;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crmkit.core.Crm;
import dev.crmkit.core.common.Actor;
import dev.crmkit.core.common.Address;
import dev.crmkit.core.common.EmailAddress;
import dev.crmkit.core.common.IllegalTransitionException;
import dev.crmkit.core.common.LeadId;
import dev.crmkit.core.common.MatchKeys;
import dev.crmkit.core.common.PhoneNumber;
import dev.crmkit.core.common.TenantId;
import dev.crmkit.core.common.Text;
import dev.crmkit.core.common.UserId;
import dev.crmkit.core.lead.AssignmentRules.Team;
import dev.crmkit.core.lead.DuplicateMatch.Reason;
import dev.crmkit.core.testkit.MutableClock;
import dev.crmkit.core.tracking.RepInteraction;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class LeadProperties {
    private static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");

    // ---- normalization ------------------------------------------------------------------------------------------

    @Provide
    Arbitrary<String> emails() {
        Arbitrary<String> local = Arbitraries.strings().withChars("abcXYZ019._+-").ofMinLength(1).ofMaxLength(12)
                .filter(s -> !s.startsWith(".") && !s.endsWith(".") && !s.contains(".."));
        Arbitrary<String> domain = Arbitraries.strings().withChars("abcDEF09").ofMinLength(1).ofMaxLength(10);
        Arbitrary<String> pad = Arbitraries.of("", " ", "  ", "\t");
        return net.jqwik.api.Combinators.combine(pad, local, domain, Arbitraries.of("com", "ORG", "co.uk"), pad)
                .as((p1, l, d, tld, p2) -> p1 + l + "@" + d + "." + tld + p2);
    }

    @Property(tries = 300)
    void emailNormalizationIsIdempotentAndCaseBlind(@ForAll("emails") String raw) {
        EmailAddress once = EmailAddress.of(raw);
        assertThat(EmailAddress.of(once.value())).isEqualTo(once);
        assertThat(EmailAddress.of(raw.toUpperCase(Locale.ROOT))).isEqualTo(once);
    }

    @Property(tries = 300)
    void phoneNormalizationIsIdempotentWhateverTheFormatting(
            @ForAll @IntRange(min = 2_000_000, max = 9_999_999) int subscriber,
            @ForAll("phoneFormats") String format) {
        String digits = "20" + (7000_0000 + subscriber % 1000_0000);
        PhoneNumber once = PhoneNumber.parse(String.format(format, digits.substring(0, 2), digits.substring(2, 6),
                digits.substring(6)), "GB");
        assertThat(PhoneNumber.parse(once.value(), null)).isEqualTo(once);
        assertThat(PhoneNumber.parse("+44 " + digits, null)).isEqualTo(once);
    }

    @Provide
    Arbitrary<String> phoneFormats() {
        return Arbitraries.of("0%s %s %s", "(0%s) %s-%s", "+44 %s %s %s", "0044%s%s%s", " 0%s%s%s ");
    }

    @Property(tries = 300)
    void nameKeysIgnoreCaseSpacingAndPunctuation(@ForAll @AlphaChars @Size(max = 12) String first,
                                                  @ForAll @AlphaChars @Size(max = 12) String last) {
        String key = MatchKeys.person(first, last);
        assertThat(MatchKeys.person("  " + first.toUpperCase(Locale.ROOT) + " ", last.toUpperCase(Locale.ROOT) + "."))
                .isEqualTo(key);
        assertThat(Text.foldForMatching(Text.foldForMatching(last))).isEqualTo(Text.foldForMatching(last));
    }

    // ---- duplicate detection ------------------------------------------------------------------------------------

    /**
     * People with pairwise distinct emails, phones and surnames never match each other; a planted copy of any of
     * them (same email typed differently, or same phone formatted differently) always matches its original.
     */
    @Property(tries = 60)
    void dedupeFindsEveryPlantedDuplicateAndNoFalseMatch(
            @ForAll @IntRange(min = 1, max = 25) int people,
            @ForAll @Size(max = 10) List<@IntRange(min = 0, max = 24) Integer> planted,
            @ForAll boolean byPhone) {
        Crm crm = Crm.builder().clock(new MutableClock(T0)).build();
        String[] surnames = {"Lovelace", "Babbage", "Hopper", "Turing", "Noether", "Curie", "Meitner", "Franklin",
            "Goodall", "Hamilton", "Johnson", "Lamarr", "Ride", "Shannon", "Knuth", "Dijkstra", "Liskov", "Kay",
            "Ritchie", "Thompson", "Torvalds", "Wirth", "Hoare", "Backus", "Perlis"};
        List<LeadId> originals = new ArrayList<>();
        for (int i = 0; i < people; i++) {
            originals.add(crm.leads().capture(NewLead.of("P" + i, surnames[i], "person" + i + "@example.com")
                    .phone("+44 20 7946 " + String.format("%04d", 1000 + i)).company("Company " + surnames[i])));
        }
        for (LeadId id : originals) {
            assertThat(crm.leads().get(id).duplicates()).isEmpty();
        }
        for (int p : planted) {
            int i = p % people;
            NewLead copy = byPhone
                    ? NewLead.of("Q", "Copy" + p, null).phone("020 7946 " + String.format("%04d", 1000 + i))
                            .address(Address.of(null, null, "GB"))
                    : NewLead.of("Q", "Copy" + p, " PERSON" + i + "@Example.COM ");
            Lead dup = crm.leads().get(crm.leads().capture(copy));
            assertThat(dup.duplicates()).extracting(DuplicateMatch::lead).contains(Optional.of(originals.get(i)));
            assertThat(dup.duplicates()).filteredOn(m -> m.reason() == (byPhone ? Reason.PHONE : Reason.EMAIL))
                    .isNotEmpty();
        }
    }

    // ---- status machine -----------------------------------------------------------------------------------------

    enum Op { START, QUALIFY, DISQUALIFY, CONVERT, MERGE }

    /** Whatever the sequence of requests, every status change the lead went through is one the machine allows. */
    @Property(tries = 150)
    void theStatusMachineNeverReachesAnIllegalState(@ForAll @Size(max = 12) List<Op> ops) {
        Crm crm = Crm.builder().clock(new MutableClock(T0)).build();
        LeadId id = crm.leads().capture(NewLead.of("Ada", "Lovelace", "ada@example.com").company("AE"));
        LeadId other = crm.leads().capture(NewLead.of("Bob", "Other", "bob@example.com"));
        for (Op op : ops) {
            LeadStatus before = crm.leads().get(id).status();
            long version = crm.leads().get(id).version();
            try {
                switch (op) {
                    case START -> crm.leads().startWorking(id);
                    case QUALIFY -> crm.leads().qualify(id);
                    case DISQUALIFY -> crm.leads().disqualify(id, "no budget");
                    case CONVERT -> crm.leads().convert(id, ConvertLead.automatically());
                    case MERGE -> crm.leads().merge(other, id);
                }
                LeadStatus after = crm.leads().get(id).status();
                assertThat(before.canMoveTo(after)).as(before + " -> " + after).isTrue();
            } catch (IllegalTransitionException | dev.crmkit.core.common.ValidationException e) {
                assertThat(crm.leads().get(id).version()).as("a refused move writes nothing").isEqualTo(version);
                assertThat(crm.leads().get(id).status()).isEqualTo(before);
            }
        }
        Lead end = crm.leads().get(id);
        assertThat(end.status() == LeadStatus.CONVERTED).isEqualTo(end.outcome().convertedContact() != null);
        assertThat(end.status() == LeadStatus.MERGED).isEqualTo(end.outcome().mergedInto() != null);
    }

    // ---- assignment ---------------------------------------------------------------------------------------------

    @Property(tries = 100)
    void roundRobinIsFair(@ForAll @IntRange(min = 1, max = 6) int members,
                          @ForAll @IntRange(min = 0, max = 40) int leads) {
        List<UserId> team = new ArrayList<>();
        for (int i = 0; i < members; i++) {
            team.add(UserId.of("rep-" + i));
        }
        Crm crm = Crm.builder().clock(new MutableClock(T0)).with(AssignmentRules.roundRobin(new Team("t", team)))
                .build();
        Map<UserId, Integer> counts = new HashMap<>();
        team.forEach(u -> counts.put(u, 0));
        for (int i = 0; i < leads; i++) {
            UserId owner = crm.leads().get(crm.leads().capture(NewLead.of("A", "B" + i, "a" + i + "@x.example")))
                    .owner();
            counts.merge(owner, 1, Integer::sum);
        }
        assertThat(counts.keySet()).containsExactlyInAnyOrderElementsOf(team);
        int max = counts.values().stream().mapToInt(Integer::intValue).max().orElseThrow();
        int min = counts.values().stream().mapToInt(Integer::intValue).min().orElseThrow();
        assertThat(max - min).isLessThanOrEqualTo(1);
        assertThat(counts.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(leads);
    }

    // ---- scoring ------------------------------------------------------------------------------------------------

    /** Without new activity a score never rises, and it always stays within 0..max. */
    @Property(tries = 100)
    void scoresDecayMonotonicallyWithinBounds(@ForAll @Size(max = 6) List<@IntRange(min = 0, max = 90) Integer> daysAgo,
                                               @ForAll @Size(min = 1, max = 6) List<@IntRange(min = 0, max = 20)
                                                       Integer> laterDays) {
        MutableClock clock = new MutableClock(T0);
        Crm crm = Crm.builder().clock(clock).build();
        LeadId id = crm.leads().capture(NewLead.of("Ada", "Lovelace", "ada@example.com").company("AE"));
        for (int ago : daysAgo) {
            crm.tracking().logCall(new RepInteraction(id, null, null, T0.minus(Duration.ofDays(ago)), 60,
                    "ok", null));
        }
        int previous = crm.leads().score(id);
        for (int days : laterDays) {
            clock.advance(Duration.ofDays(days));
            int now = crm.leads().score(id);
            assertThat(now).isBetween(0, ScoringRules.defaults().maxScore()).isLessThanOrEqualTo(previous);
            previous = now;
        }
    }

    @Property(tries = 50)
    void leadsOfOneTenantNeverMatchAnothers(@ForAll @IntRange(min = 1, max = 10) int n) {
        Crm crm = Crm.inMemory();
        Crm a = crm.as(new Actor(TenantId.of("a"), UserId.of("u"), Set.of()));
        Crm b = crm.as(new Actor(TenantId.of("b"), UserId.of("u"), Set.of()));
        for (int i = 0; i < n; i++) {
            a.leads().capture(NewLead.of("A", "B", "same" + i + "@example.com"));
        }
        Set<List<DuplicateMatch>> seen = new java.util.HashSet<>();
        for (int i = 0; i < n; i++) {
            seen.add(b.leads().get(b.leads().capture(NewLead.of("A", "B", "same" + i + "@example.com")))
                    .duplicates().stream().filter(m -> m.reason() == Reason.EMAIL).collect(Collectors.toList()));
        }
        assertThat(seen).containsExactly(List.of());
    }
}
