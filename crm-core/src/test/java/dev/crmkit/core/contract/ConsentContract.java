package dev.crmkit.core.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crmkit.core.common.Consent;
import dev.crmkit.core.common.ContactId;
import dev.crmkit.core.common.LawfulBasis;
import dev.crmkit.core.common.LeadId;
import dev.crmkit.core.common.NotFoundException;
import dev.crmkit.core.common.ValidationException;
import dev.crmkit.core.consent.ConsentPurpose;
import dev.crmkit.core.consent.ConsentRecord;
import dev.crmkit.core.customer.ContactDetails;
import dev.crmkit.core.lead.ConvertLead;
import dev.crmkit.core.lead.NewLead;
import dev.crmkit.core.tracking.TrackedActivity.EmailClick;
import dev.crmkit.core.tracking.TrackedActivity.EmailSent;
import dev.crmkit.core.tracking.TrackedActivity.FormSubmission;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Consent per person and purpose: basis, source, proof, history; the flags follow; merges and tracking obey. */
public abstract class ConsentContract extends ContractSupport {
    private LeadId lead(String first, String email) {
        return crm.leads().capture(NewLead.of(first, "Lovelace", email));
    }

    private static void assertNamesField(Throwable e, String field) {
        assertThat(((ValidationException) e).errors()).anySatisfy(f -> assertThat(f.field()).isEqualTo(field));
    }

    @Test
    void eachChangeIsKeptWithItsBasisSourceAndProofAndTheFlagsFollowIt() {
        LeadId ada = lead("Ada", "ada@example.com");
        crm.consent().grant(ada, ConsentPurpose.EMAIL_MARKETING, LawfulBasis.CONSENT, "newsletter form",
                "opt-in token 7f3a");
        assertThat(crm.leads().get(ada).consent().emailMarketing()).isTrue();
        assertThat(crm.email().recipient("ada@example.com")).hasValueSatisfying(r -> assertThat(r.marketable())
                .as("the address sending checks follows the person").isTrue());
        clock.advance(Duration.ofDays(3));
        crm.consent().withdraw(ada, ConsentPurpose.EMAIL_MARKETING, "unsubscribe link");
        assertThat(crm.email().recipient("ada@example.com")).hasValueSatisfying(r -> assertThat(r.marketable())
                .isFalse());
        assertThat(crm.email().consentHistory("ada@example.com")).extracting(c -> c.source())
                .containsExactly("newsletter form", "unsubscribe link");
        crm.consent().grant(ada, ConsentPurpose.SMS, LawfulBasis.CONTRACT, "order terms", null);

        assertThat(crm.leads().get(ada).consent().emailMarketing()).isFalse();
        List<ConsentRecord> history = crm.consent().history(ada);
        assertThat(history).extracting(ConsentRecord::purpose, ConsentRecord::granted, ConsentRecord::source)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(ConsentPurpose.EMAIL_MARKETING, true, "newsletter form"),
                        org.assertj.core.groups.Tuple.tuple(ConsentPurpose.EMAIL_MARKETING, false,
                                "unsubscribe link"),
                        org.assertj.core.groups.Tuple.tuple(ConsentPurpose.SMS, true, "order terms"));
        ConsentRecord first = history.get(0);
        assertThat(first.basis()).isEqualTo(LawfulBasis.CONSENT);
        assertThat(first.proof()).isEqualTo("opt-in token 7f3a");
        assertThat(first.by()).isEqualTo(actor.user());
        assertThat(first.at()).isEqualTo(START);
        assertThat(history.get(1).basis()).isNull();
        assertThat(crm.consent().current(ada)).containsOnlyKeys(ConsentPurpose.EMAIL_MARKETING, ConsentPurpose.SMS);
        assertThat(crm.consent().current(ada).get(ConsentPurpose.SMS).granted()).isTrue();
        assertThat(crm.leads().get(ada).history()).anySatisfy(h -> assertThat(h.detail())
                .isEqualTo("EMAIL_MARKETING withdrawn"));
    }

    @Test
    void consentGivenWithANewLeadIsRecordedOneCaptureOrManyAtOnce() {
        LeadId one = crm.leads().capture(NewLead.of("Ada", "Lovelace", "ada@example.com")
                .consent(new Consent(true, false, true, false)));
        LeadId many = crm.leads().captureAll(List.of(NewLead.of("Grace", "Hopper", "grace@example.com")
                .consent(new Consent(false, true, false, true))), matches -> true).get(0).id();

        assertThat(crm.consent().history(one)).extracting(ConsentRecord::purpose)
                .containsExactlyInAnyOrder(ConsentPurpose.EMAIL_MARKETING, ConsentPurpose.PROFILING);
        assertThat(crm.consent().history(one)).allSatisfy(r -> {
            assertThat(r.granted()).isTrue();
            assertThat(r.basis()).isEqualTo(LawfulBasis.CONSENT);
            assertThat(r.source()).startsWith("given with the lead");
        });
        assertThat(crm.consent().current(many)).containsOnlyKeys(ConsentPurpose.PHONE, ConsentPurpose.POSTAL_MAIL);
        assertThat(crm.consent().history(lead("Mary", "mary@example.com"))).as("no consent, no record").isEmpty();
    }

    @Test
    void aContactsConsentIsRecordedAndItsFlagsFollowToo() {
        ContactId grace = crm.contacts().create(ContactDetails.of(null, "Grace", "Hopper", "grace@example.com"));
        crm.consent().grant(grace, ConsentPurpose.PHONE, LawfulBasis.LEGITIMATE_INTERESTS, "trade fair", null);
        assertThat(crm.contacts().get(grace).consent().phoneContact()).isTrue();
        crm.consent().withdraw(grace, ConsentPurpose.PHONE, "asked on the phone");
        assertThat(crm.contacts().get(grace).consent().phoneContact()).isFalse();
        assertThat(crm.consent().history(grace)).hasSize(2);
    }

    @Test
    void whatTheAddressOwnerSaysThroughEmailReachesTheLeadAndContactWithThatAddress() {
        LeadId ada = lead("Ada", "ada@example.com");
        ContactId contact = crm.contacts().create(ContactDetails.of(null, "Ada", "Lovelace", "ada@example.com"));
        crm.email().grantConsent("ada@example.com", LawfulBasis.CONSENT, "signed form");
        assertThat(crm.leads().get(ada).consent().emailMarketing()).isTrue();
        assertThat(crm.contacts().get(contact).consent().emailMarketing()).isTrue();
        crm.email().withdrawConsent("ada@example.com", "asked by phone");

        assertThat(crm.leads().get(ada).consent().emailMarketing()).isFalse();
        assertThat(crm.consent().history(ada)).extracting(ConsentRecord::granted, ConsentRecord::source)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(true, "signed form"),
                        org.assertj.core.groups.Tuple.tuple(false, "asked by phone"));
        assertThat(crm.consent().current(contact).get(ConsentPurpose.EMAIL_MARKETING).granted()).isFalse();
        assertThat(crm.consent().history(ada).get(0).basis()).isEqualTo(LawfulBasis.CONSENT);
    }

    @Test
    void aGrantWithoutALawfulBasisOrSourceIsRefusedAndNothingIsWritten() {
        LeadId ada = lead("Ada", "ada@example.com");
        assertThatThrownBy(() -> crm.consent().grant(ada, ConsentPurpose.EMAIL_MARKETING, null, "form", null))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertNamesField(e, "basis"));
        assertThatThrownBy(() -> crm.consent().withdraw(ada, ConsentPurpose.PHONE, " "))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertNamesField(e, "source"));
        assertThatThrownBy(() -> crm.consent().grant(LeadId.of(java.util.UUID.randomUUID()), ConsentPurpose.SMS,
                LawfulBasis.CONSENT, "form", null)).isInstanceOf(NotFoundException.class);
        assertThat(crm.consent().history(ada)).isEmpty();
        assertThat(crm.leads().get(ada).consent().emailMarketing()).isFalse();
    }

    @Test
    void aMergeKeepsTheMostRestrictiveStateOfEveryPurpose() {
        LeadId keep = lead("Ada", "ada@example.com");
        LeadId gone = lead("Ada", "ada.lovelace@example.com");
        for (ConsentPurpose p : List.of(ConsentPurpose.EMAIL_MARKETING, ConsentPurpose.SMS, ConsentPurpose.PHONE)) {
            crm.consent().grant(keep, p, LawfulBasis.CONSENT, "web form", null);
        }
        crm.consent().grant(gone, ConsentPurpose.EMAIL_MARKETING, LawfulBasis.CONSENT, "web form", null);
        crm.consent().withdraw(gone, ConsentPurpose.PHONE, "asked on the phone");
        crm.consent().withdraw(gone, ConsentPurpose.PROFILING, "cookie banner");

        crm.leads().merge(keep, gone);

        var current = crm.consent().current(keep);
        assertThat(current.get(ConsentPurpose.EMAIL_MARKETING).granted()).isTrue();
        assertThat(current.get(ConsentPurpose.SMS).granted()).as("the duplicate never agreed to SMS").isFalse();
        assertThat(current.get(ConsentPurpose.PHONE).granted()).isFalse();
        assertThat(current.get(ConsentPurpose.PHONE).source()).startsWith("merge");
        assertThat(crm.leads().get(keep).consent().phoneContact()).isFalse();
        assertThat(crm.leads().get(keep).consent().emailMarketing()).isTrue();
        assertThat(current.get(ConsentPurpose.PROFILING).granted())
                .as("a recorded refusal goes over though the survivor had not agreed either").isFalse();
    }

    @Test
    void aConvertedLeadsConsentGoesWithThePersonToTheContact() {
        LeadId ada = crm.leads().capture(NewLead.of("Ada", "Lovelace", "ada@example.com").company("AE"));
        crm.consent().withdraw(ada, ConsentPurpose.PROFILING, "cookie banner");
        crm.consent().grant(ada, ConsentPurpose.SMS, LawfulBasis.CONSENT, "order form", "sms-optin-42");
        crm.leads().qualify(ada);
        ContactId contact = crm.leads().convert(ada, ConvertLead.automatically()).contact();

        var current = crm.consent().current(contact);
        assertThat(current.get(ConsentPurpose.PROFILING).granted()).isFalse();
        assertThat(current.get(ConsentPurpose.SMS).proof()).isEqualTo("sms-optin-42");
        assertThat(crm.tracking().record(new EmailClick("c-1", START, null, contact, null, null,
                "https://example.com/offer"))).as("a click naming only the contact is not tracked").isFalse();
    }

    @Test
    void anIdentifiedVisitorWhoRefusedProfilingIsNoLongerTracked() {
        LeadId ada = lead("Ada", "ada@example.com");
        crm.tracking().identify("visitor-ada", ada);
        assertThat(crm.tracking().record(new FormSubmission("f-1", START, "visitor-ada", null, null, "demo")))
                .isTrue();
        crm.consent().withdraw(ada, ConsentPurpose.PROFILING, "cookie banner");

        assertThat(crm.tracking().recordAll(List.of(
                new FormSubmission("f-2", START, "visitor-ada", null, null, "pricing"),
                new FormSubmission("f-3", START, null, ada, null, "contact us"),
                new FormSubmission("f-4", START, "visitor-anonymous", null, null, "pricing"),
                new EmailSent("m-1", START, ada, null, null, "Order confirmation")))).isEqualTo(2);
        assertThat(crm.tracking().touchpointsOfLead(ada)).extracting(t -> t.externalEventId())
                .containsExactlyInAnyOrder("f-1", "m-1");
        assertThat(crm.tracking().touchpointsOfVisitor("visitor-anonymous")).hasSize(1);

        crm.consent().grant(ada, ConsentPurpose.PROFILING, LawfulBasis.CONSENT, "cookie banner", null);
        assertThat(crm.tracking().record(new FormSubmission("f-5", START, "visitor-ada", null, null, "demo")))
                .isTrue();
    }

    @Test
    void changesOfOnePersonAndPurposeAtOnceAllLandInTheHistory() throws Exception {
        LeadId ada = crm.leads().capture(NewLead.of("Ada", "Lovelace", "ada@example.com")
                .consent(new Consent(false, false, true, false))); // agreed to profiling on the form: flag stays
        int writers = 8;
        CyclicBarrier start = new CyclicBarrier(writers);
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Future<ConsentRecord>> done = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                String source = "banner " + i;
                done.add(pool.submit(() -> {
                    start.await();
                    return crm.consent().grant(ada, ConsentPurpose.PROFILING, LawfulBasis.CONSENT, source, null);
                }));
            }
            for (Future<ConsentRecord> f : done) {
                f.get(30, TimeUnit.SECONDS); // none fails: each change is a record of its own
            }
        } finally {
            pool.shutdownNow();
        }

        List<ConsentRecord> history = crm.consent().history(ada);
        assertThat(history).filteredOn(r -> r.source().startsWith("banner")).hasSize(writers);
        assertThat(crm.consent().current(ada).get(ConsentPurpose.PROFILING).source()).startsWith("banner");
    }
}
