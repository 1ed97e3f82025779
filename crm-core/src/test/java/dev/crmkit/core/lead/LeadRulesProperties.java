package dev.crmkit.core.lead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crmkit.core.Crm;
import dev.crmkit.core.common.AccountId;
import dev.crmkit.core.common.ConcurrentUpdateException;
import dev.crmkit.core.common.ContactId;
import dev.crmkit.core.common.CrmException;
import dev.crmkit.core.common.IllegalTransitionException;
import dev.crmkit.core.common.LeadId;
import dev.crmkit.core.common.UserId;
import dev.crmkit.core.testkit.MutableClock;
import dev.crmkit.core.tracking.TrackedActivity;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/**
 * The rules a lead guards in its constructor hold for every lead the service API can reach, and a lead that breaks
 * one cannot be built at all.
 */
class LeadRulesProperties {
    private static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");

    enum Kind { START, QUALIFY, DISQUALIFY, CONVERT, MERGE, ASSIGN, TAG, CLICK, SPAM_FORM, CAPTURE }

    /** One request against lead {@code target} (and {@code other}, for merges), an index into the leads so far. */
    record Op(Kind kind, int target, int other) {
    }

    @Provide
    Arbitrary<List<Op>> ops() {
        return Combinators.combine(Arbitraries.of(Kind.class), Arbitraries.integers().between(0, 7),
                Arbitraries.integers().between(0, 7)).as(Op::new).list().ofMaxSize(30);
    }

    @Property(tries = 200)
    void noSequenceOfRequestsReachesALeadThatBreaksItsRules(@ForAll("ops") List<Op> ops) {
        MutableClock clock = new MutableClock(T0);
        Crm crm = Crm.builder().clock(clock).build();
        List<LeadId> leads = new ArrayList<>();
        leads.add(crm.leads().capture(NewLead.of("Ada", "Lovelace", "ada@example.com").company("AE")
                .visitorId("visitor-0")));
        leads.add(crm.leads().capture(NewLead.of("Ada", "Lovelace", "ada@example.com")));
        int n = 0;
        for (Op op : ops) {
            clock.advance(Duration.ofMinutes(1));
            LeadId target = leads.get(op.target() % leads.size());
            LeadId other = leads.get(op.other() % leads.size());
            try {
                switch (op.kind()) {
                    case START -> crm.leads().startWorking(target);
                    case QUALIFY -> crm.leads().qualify(target);
                    case DISQUALIFY -> crm.leads().disqualify(target, "no budget");
                    case CONVERT -> crm.leads().convert(target, ConvertLead.automatically());
                    case MERGE -> crm.leads().merge(target, other);
                    case ASSIGN -> crm.leads().assign(target, UserId.of("rep-" + op.other()));
                    case TAG -> crm.leads().addTag(target, "t" + op.other());
                    case CLICK -> {
                        crm.tracking().identify("visitor-" + op.other(), target);
                        crm.tracking().record(new TrackedActivity.FormSubmission("e" + n++, clock.instant(),
                                "visitor-" + op.other(), target, null, "contact-us"));
                    }
                    case SPAM_FORM -> leads.add(crm.leads().captureForm(FormMapping.builder("f")
                            .map("last", LeadField.LAST_NAME).map("email", LeadField.EMAIL).honeypot("hp").build(),
                            WebFormSubmission.of(java.util.Map.of("last", "Bot", "email", "bot@example.com",
                                    "hp", "filled"))).lead());
                    case CAPTURE -> leads.add(crm.leads().capture(NewLead.of("Grace", "Hopper",
                            "grace" + op.other() + "@example.com").visitorId("visitor-" + op.other())));
                }
            } catch (IllegalTransitionException | ConcurrentUpdateException e) {
                // a refused move: the machine says no; nothing was written
            } catch (CrmException e) {
                // a refused request (validation, a lead merged away): also fine, as long as no rule broke
                assertThat(e).isNotInstanceOf(IllegalArgumentException.class);
            }
        }
        for (LeadId id : leads) {
            Lead l = crm.leads().get(id);   // every stored lead loads, so it passed its own checks
            assertThat(l.status() == LeadStatus.CONVERTED).isEqualTo(l.outcome().convertedContact() != null);
            assertThat(l.status() == LeadStatus.MERGED).isEqualTo(l.outcome().mergedInto() != null);
            assertThat(l.outcome().mergedInto()).isNotEqualTo(l.id());
            if (l.status() == LeadStatus.MERGED) {
                assertThat(l.visitorIds()).isEmpty();
            }
            if (l.spam()) {
                assertThat(l.score()).isZero();
            }
        }
    }

    @Example
    void aLeadInAFinalStatusMustNameWhatItBecame() {
        Lead open = lead(LeadStatus.QUALIFIED, null, null, null);
        assertThatThrownBy(() -> lead(LeadStatus.CONVERTED, null, null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("CONVERTED");
        assertThatThrownBy(() -> lead(LeadStatus.CONVERTED, null, AccountId.of(UUID.randomUUID()), null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> lead(LeadStatus.MERGED, null, null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("MERGED");
        assertThatThrownBy(() -> lead(LeadStatus.QUALIFIED, LeadId.of(UUID.randomUUID()), null, null))
                .as("an open lead that names a survivor").isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> lead(LeadStatus.MERGED, open.id(), null, null))
                .as("merged into itself").isInstanceOf(IllegalArgumentException.class);
        assertThat(lead(LeadStatus.CONVERTED, null, AccountId.of(UUID.randomUUID()), ContactId.of(UUID.randomUUID()))
                .status()).isEqualTo(LeadStatus.CONVERTED);
    }

    @Example
    void aConversionOrMergeIsNotAPlainStatusMove() {
        Lead qualified = lead(LeadStatus.QUALIFIED, null, null, null);
        assertThatThrownBy(() -> qualified.moveTo(LeadStatus.CONVERTED, null, T0, UserId.SYSTEM))
                .isInstanceOf(IllegalArgumentException.class);
        Lead converted = qualified.convert(AccountId.of(UUID.randomUUID()), ContactId.of(UUID.randomUUID()), null,
                T0.plusSeconds(1), UserId.SYSTEM);
        assertThat(converted.status()).isEqualTo(LeadStatus.CONVERTED);
        assertThat(converted.history()).extracting(LeadHistoryEntry::action).containsExactly("STATUS", "CONVERTED");
    }

    private static final LeadId ID = LeadId.of(UUID.randomUUID());

    private static Lead lead(LeadStatus status, LeadId mergedInto, AccountId account, ContactId contact) {
        return new Lead(ID, 0, new Identity("Ada", "Lovelace", null, null, null), null, Origin.of(LeadSource.MANUAL),
                null, status, new Outcome(null, mergedInto, account, contact), 0, false, null, null, null, null, null,
                T0, T0, null);
    }
}
