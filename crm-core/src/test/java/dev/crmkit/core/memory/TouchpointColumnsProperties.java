package dev.crmkit.core.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crmkit.core.common.AccountId;
import dev.crmkit.core.common.AdId;
import dev.crmkit.core.common.AffiliateId;
import dev.crmkit.core.common.CampaignId;
import dev.crmkit.core.common.Channel;
import dev.crmkit.core.common.ContactId;
import dev.crmkit.core.common.DuplicateException;
import dev.crmkit.core.common.LeadId;
import dev.crmkit.core.common.Money;
import dev.crmkit.core.common.TouchpointId;
import dev.crmkit.core.common.UserId;
import dev.crmkit.core.tracking.Direction;
import dev.crmkit.core.tracking.Touchpoint;
import dev.crmkit.core.tracking.TouchpointKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.jspecify.annotations.Nullable;

class TouchpointColumnsProperties {
    private static final Instant BASE = Instant.parse("2026-03-01T00:00:00Z");
    private static final String[] EXTERNAL = {"click-", "événement-", "事件-", "\uD800broken-"};

    /**
     * Whatever is inserted, linked to leads and contacts, anonymised, committed or rolled back, the columns read back
     * what a map of the stored records (the simple reference) holds: by id, by external id, by visitor, lead, contact
     * and account (ordered by time, then id), by time range, and the latest occurrence per lead.
     */
    @Property
    void theColumnsReadBackWhatAMapOfTheStoredTouchpointsHolds(
            @ForAll @Size(max = 400) List<@IntRange(min = 0, max = 99_999) Integer> steps) {
        TouchpointColumns columns = new TouchpointColumns();
        Map<TouchpointId, Touchpoint> stored = new LinkedHashMap<>();
        Map<TouchpointId, Touchpoint> committed = new LinkedHashMap<>();
        UndoLog undo = new UndoLog();
        long nextId = 1;
        for (int step : steps) {
            switch (step % 5) {
                case 0, 1, 2 -> {
                    if (step % 37 == 0 && !stored.isEmpty()) {
                        TouchpointId taken = new ArrayList<>(stored.keySet()).get(step / 37 % stored.size());
                        Touchpoint copy = touchpoint(taken.value().getLeastSignificantBits(), step + 1);
                        Touchpoint sameId = new Touchpoint(taken, copy.kind(), copy.occurredAt(), "new-" + step,
                                copy.visitorId(), copy.lead(), copy.contact(), copy.account(), copy.campaign(),
                                copy.ad(), copy.affiliate(), copy.channel(), copy.count(), copy.value(),
                                copy.durationSeconds(), copy.outcome(), copy.detail(), copy.direction(),
                                copy.reference(), copy.rep(), copy.firstClick(), copy.lastClick());
                        assertThatThrownBy(() -> columns.insert(sameId, undo))
                                .isInstanceOf(DuplicateException.class);
                        continue;
                    }
                    // mostly ascending ids, as a time-ordered generator gives them; some out of order
                    long id = step % 6 == 0 ? 50_000 - step % 50_000 : 100_000 + nextId++;
                    if (stored.containsKey(TouchpointId.of(new UUID(0, id)))) {
                        continue;
                    }
                    Touchpoint t = touchpoint(id, step);
                    boolean repeated = t.externalEventId() != null && stored.values().stream()
                            .anyMatch(s -> t.externalEventId().equals(s.externalEventId()));
                    assertThat(columns.insert(t, undo)).as("stored: a new external id").isEqualTo(!repeated);
                    if (!repeated) {
                        stored.put(t.id(), t);
                    }
                }
                case 3 -> {
                    if (stored.isEmpty()) {
                        continue;
                    }
                    List<Touchpoint> all = new ArrayList<>(stored.values());
                    Touchpoint t = all.get(step / 5 % all.size());
                    Touchpoint changed = switch (step / 5 % 3) {
                        case 0 -> t.withLead(lead(step / 15));
                        case 1 -> t.withContact(new ContactId(new UUID(2, step / 15 % 3)),
                                step / 45 % 2 == 0 ? null : new AccountId(new UUID(3, step / 15 % 3)));
                        default -> t.anonymised();
                    };
                    columns.replace(changed, undo);
                    stored.put(changed.id(), changed);
                }
                default -> {
                    if (step / 5 % 3 == 0) {
                        undo.rollback();
                        stored = new LinkedHashMap<>(committed);
                    } else {
                        undo.commit();
                        committed = new LinkedHashMap<>(stored);
                    }
                    check(columns, stored, step);
                }
            }
        }
        check(columns, stored, 7);
    }

    private static void check(TouchpointColumns columns, Map<TouchpointId, Touchpoint> stored, int seed) {
        assertThat(columns.size()).isEqualTo(stored.size());
        for (Touchpoint t : stored.values()) {
            assertThat(columns.find(t.id())).contains(t);
            if (t.externalEventId() != null) {
                assertThat(columns.findByExternalId(t.externalEventId())).contains(t);
            }
        }
        assertThat(columns.find(TouchpointId.of(new UUID(9, 9)))).isEmpty();
        for (int e = 0; e < 40; e++) {
            String external = EXTERNAL[e % EXTERNAL.length] + e;
            assertThat(columns.hasExternalId(external))
                    .isEqualTo(stored.values().stream().anyMatch(t -> external.equals(t.externalEventId())));
        }
        for (int v = 0; v < 6; v++) {
            String visitor = "visitor-" + v;
            assertThat(columns.byVisitor(visitor)).isEqualTo(sorted(stored, t -> visitor.equals(t.visitorId())));
        }
        for (int k = 0; k < 4; k++) {
            LeadId lead = lead(k);
            ContactId contact = new ContactId(new UUID(2, k));
            AccountId account = new AccountId(new UUID(3, k));
            List<Touchpoint> ofLead = sorted(stored, t -> lead.equals(t.lead()));
            assertThat(columns.byLead(lead)).isEqualTo(ofLead);
            assertThat(columns.byContact(contact)).isEqualTo(sorted(stored, t -> contact.equals(t.contact())));
            assertThat(columns.byAccount(account)).isEqualTo(sorted(stored, t -> account.equals(t.account())));
            assertThat(columns.lastOccurred(lead))
                    .isEqualTo(ofLead.isEmpty() ? null : ofLead.get(ofLead.size() - 1).occurredAt());
        }
        Instant from = seed % 4 == 0 ? null : BASE.plusSeconds(seed % 23).plusNanos(seed % 3 * 500);
        Instant to = seed % 5 == 0 ? null : BASE.plusSeconds(seed % 23 + seed % 7);
        List<Touchpoint> inRange = new ArrayList<>();
        columns.forEachOccurred(from, to, inRange::add);
        assertThat(inRange).containsExactlyInAnyOrderElementsOf(
                sorted(stored, t -> TimeRange.contains(from, to, t.occurredAt())));
    }

    private static List<Touchpoint> sorted(Map<TouchpointId, Touchpoint> stored, Predicate<Touchpoint> which) {
        return stored.values().stream().filter(which).sorted(MemoryTouchpointRepository.ORDER).toList();
    }

    private static LeadId lead(int k) {
        return new LeadId(new UUID(1, k % 4));
    }

    /** A touchpoint drawn from {@code step}: few visitors, leads and external ids, so they meet again. */
    private static Touchpoint touchpoint(long id, int step) {
        TouchpointKind kind = TouchpointKind.values()[step % TouchpointKind.values().length];
        boolean rich = step / 7 % 3 == 0;
        @Nullable String external = step / 3 % 4 == 0 ? null : EXTERNAL[step / 11 % EXTERNAL.length] + step / 13 % 40;
        return new Touchpoint(TouchpointId.of(new UUID(0, id)), kind,
                BASE.plusSeconds(step % 23).plusNanos(step % 5 * 1000L), external,
                step / 17 % 7 == 6 ? null : "visitor-" + step / 17 % 7,
                step / 19 % 3 == 0 ? lead(step / 19) : null,
                step / 23 % 4 == 0 ? new ContactId(new UUID(2, step / 23 % 3)) : null,
                step / 29 % 5 == 0 ? new AccountId(new UUID(3, step / 29 % 3)) : null,
                step % 2 == 0 ? new CampaignId(new UUID(4, step / 31 % 3)) : null,
                step % 3 == 0 ? new AdId(new UUID(5, step / 37 % 3)) : null,
                step % 4 == 0 ? new AffiliateId(new UUID(6, step / 41 % 3)) : null,
                Channel.values()[step / 43 % Channel.values().length], 1 + step % 3 * 1_000_000_000_000L / 3,
                rich ? Money.of(step % 1000 + ".25", step % 2 == 0 ? "EUR" : "USD") : null,
                rich ? step % 600 : null, rich ? "outcome " + step % 5 : null,
                step / 47 % 3 == 0 ? null : "https://shop.example/" + step / 47 % 3,
                kind == TouchpointKind.INTERACTION ? Direction.values()[step % Direction.values().length] : null,
                rich ? "ref-" + step : null, step / 53 % 2 == 0 ? UserId.of("rep-" + step / 53 % 3) : null,
                rich ? TouchpointId.of(new UUID(7, step)) : null, rich ? TouchpointId.of(new UUID(8, step)) : null);
    }
}
