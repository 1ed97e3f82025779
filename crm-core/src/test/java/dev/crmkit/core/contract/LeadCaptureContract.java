package dev.crmkit.core.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import dev.crmkit.core.Crm;
import dev.crmkit.core.common.AccessDeniedException;
import dev.crmkit.core.common.AccountId;
import dev.crmkit.core.common.AdId;
import dev.crmkit.core.common.Address;
import dev.crmkit.core.common.CalendarEventId;
import dev.crmkit.core.common.CampaignId;
import dev.crmkit.core.common.Channel;
import dev.crmkit.core.common.ContactId;
import dev.crmkit.core.common.FieldError;
import dev.crmkit.core.common.Consent;
import dev.crmkit.core.common.LeadId;
import dev.crmkit.core.common.PageRequest;
import dev.crmkit.core.common.PhoneRegions;
import dev.crmkit.core.common.TaskId;
import dev.crmkit.core.common.UserId;
import dev.crmkit.core.common.ValidationException;
import dev.crmkit.core.customer.AccountDetails;
import dev.crmkit.core.customer.ContactDetails;
import dev.crmkit.core.lead.Attribution;
import dev.crmkit.core.lead.DuplicateMatch;
import dev.crmkit.core.lead.DuplicateRules;
import dev.crmkit.core.lead.FieldAgreement;
import dev.crmkit.core.lead.FieldAgreement.Level;
import dev.crmkit.core.lead.MatchField;
import dev.crmkit.core.lead.DuplicateMatch.Kind;
import dev.crmkit.core.lead.DuplicateMatch.Reason;
import dev.crmkit.core.lead.FormCapture;
import dev.crmkit.core.lead.FormMapping;
import dev.crmkit.core.lead.Lead;
import dev.crmkit.core.lead.LeadEvent;
import dev.crmkit.core.lead.LeadEvent.LeadCaptured;
import dev.crmkit.core.lead.LeadField;
import dev.crmkit.core.lead.LeadQuery;
import dev.crmkit.core.lead.LeadSource;
import dev.crmkit.core.lead.LeadStatus;
import dev.crmkit.core.lead.NewLead;
import dev.crmkit.core.lead.TenantDuplicateRules;
import dev.crmkit.core.lead.WebFormSubmission;
import dev.crmkit.core.task.CalendarEvent;
import dev.crmkit.core.task.CalendarEventKind;
import dev.crmkit.core.task.NewCalendarEvent;
import dev.crmkit.core.task.NewTask;
import dev.crmkit.core.task.Subject;
import dev.crmkit.core.task.Task;
import dev.crmkit.core.tracking.AdDetails;
import dev.crmkit.core.tracking.CampaignDetails;
import dev.crmkit.core.tracking.RepInteraction;
import dev.crmkit.core.tracking.Touchpoint;
import dev.crmkit.core.tracking.TouchpointKind;
import dev.crmkit.core.tracking.TrackedActivity.AdClick;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Lead capture by hand and from web forms, duplicate detection and merge, through {@code LeadService}. */
public abstract class LeadCaptureContract extends ContractSupport {
    private static final FormMapping CONTACT_US = FormMapping.builder("contact-us")
            .map("fname", LeadField.FIRST_NAME).map("lname", LeadField.LAST_NAME)
            .map("email_address", LeadField.EMAIL).map("tel", LeadField.PHONE)
            .map("org", LeadField.COMPANY).map("country", LeadField.COUNTRY)
            .map("newsletter", LeadField.CONSENT_EMAIL).map("utm_content", LeadField.AD_CODE)
            .honeypot("website")
            .build();

    private final List<LeadEvent> events = new ArrayList<>();

    @BeforeEach
    void listen() {
        crm.events().subscribe(LeadEvent.class, events::add);
    }

    private long leadCount() {
        return crm.leads().search(new LeadQuery(Set.of(), null, null, null, null, null, null, true),
                PageRequest.first(10)).total();
    }

    // ---- manual capture -----------------------------------------------------------------------------------------

    @Test
    void aRepCapturesALeadWithNormalizedKeysAndOwnsIt() {
        LeadId id = crm.leads().capture(NewLead.of(" Ada ", "Lovelace", " Ada@Example.COM ")
                .phone("020 7946 0958").address(Address.of("London", "England", "gb")).company("Analytical Ltd"));

        Lead lead = crm.leads().get(id);
        assertThat(lead.identity().firstName()).isEqualTo("Ada");
        assertThat(lead.reach().email().value()).isEqualTo("ada@example.com");
        assertThat(lead.reach().phone().value()).isEqualTo("+442079460958");
        assertThat(lead.status()).isEqualTo(LeadStatus.NEW);
        assertThat(lead.origin().source()).isEqualTo(LeadSource.MANUAL);
        assertThat(lead.owner()).isEqualTo(actor.user());
        assertThat(lead.score()).isPositive();
        assertThat(lead.version()).isPositive();
        assertThat(lead.history()).extracting(h -> h.action()).containsExactly("CAPTURED");
        assertThat(events).singleElement().isInstanceOfSatisfying(LeadCaptured.class,
                e -> assertThat(e.lead().id()).isEqualTo(id));
    }

    @Test
    void everyBadFieldIsReportedAtOnceAndNothingIsWritten() {
        assertThatThrownBy(() -> crm.leads().capture(
                new NewLead(" ", " ", null, null, "not-an-email", "12", null, null, null, null, null, null, null,
                        null)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactlyInAnyOrder("lastName", "email", "phone"));
        assertThatThrownBy(() -> crm.leads().capture(NewLead.of("Ada", "Lovelace", null)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.hasErrorFor("email")).isTrue());
        assertThatThrownBy(() -> crm.leads().capture(NewLead.of("Ada", "Lovelace", "ada@example.com")
                .attribution(new Attribution(CampaignId.of(java.util.UUID.randomUUID()), null, null))))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.hasErrorFor("attribution.campaign")).isTrue());
        assertThat(leadCount()).isZero();
        assertThat(events).isEmpty();
    }

    @Test
    void aPersonWithANameAndAnAddressOrBirthDateIsStorableWithoutEmailOrPhone() {
        LeadId byAddress = crm.leads().capture(new NewLead("Ada", null, null, null, null, null,
                new Address("12 St James's Square", "London", null, "SW1Y 4JH", "GB", null), LeadSource.IMPORT, null,
                null, null, null, null, null));
        LeadId byBirth = crm.leads().capture(NewLead.of(null, "Lovelace", null).birthDate(LocalDate.of(1815, 12, 10)
                .plusYears(100)));

        assertThat(crm.leads().get(byAddress).reach().address().city()).isEqualTo("London");
        assertThat(crm.leads().get(byBirth).identity().birthDate()).isEqualTo(LocalDate.of(1915, 12, 10));
        assertThatThrownBy(() -> crm.leads().capture(NewLead.of("Ada", "Lovelace", null)
                .address(Address.of(null, null, "GB"))))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("email"));
        assertThatThrownBy(() -> crm.leads().capture(NewLead.of("Ada", "Lovelace", "ada@example.com")
                .birthDate(LocalDate.of(2026, 1, 6))))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("birthDate"));
        assertThatThrownBy(() -> crm.leads().capture(NewLead.of("Ada", "Lovelace", "ada@example.com")
                .birthDate(LocalDate.of(1899, 12, 31))))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("birthDate"));
    }

    @Test
    void anImportKeepsAPhoneItCannotVerifyAsEnteredAndMatchesByItsDigits() {
        LeadId verified = crm.leads().capture(NewLead.of("Grace", "Hopper", null).phone("+61 2 9876 5432"));

        Lead imported = crm.leads().get(crm.leads().capture(NewLead.of("Grace", "Hopper", null)
                .phone("(02) 9876 5432").source(LeadSource.IMPORT)));

        assertThat(imported.reach().phone()).isNull();
        assertThat(imported.reach().unverifiedPhone()).isEqualTo("(02) 9876 5432");
        assertThat(imported.duplicates()).singleElement().satisfies(m -> {
            assertThat(m.lead()).contains(verified);
            assertThat(m.reason()).isEqualTo(Reason.PHONE);
        });
        assertThatThrownBy(() -> crm.leads().capture(NewLead.of("Grace", "Hopper", null).phone("(02) 9876 5432")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("phone"));
        assertThatThrownBy(() -> crm.leads().capture(NewLead.of("Grace", "Hopper", null).phone("0".repeat(65))
                .source(LeadSource.IMPORT)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("phone"));
    }

    // ---- web forms ----------------------------------------------------------------------------------------------

    @Test
    void aJsonFormBecomesALeadWithConsentCustomFieldsAndAdAttribution() {
        CampaignId campaign = crm.tracking().createCampaign(CampaignDetails.named("Spring", Channel.WEB));
        AdId ad = crm.tracking().createAd(new AdDetails(campaign, "Banner", "SPRING-A", null));

        FormCapture result = crm.leads().captureForm(CONTACT_US, WebFormSubmission.fromJson("""
                {"fname": "Grace", "lname": "Hopper", "email_address": "GRACE@navy.example",
                 "org": "US Navy", "country": "us", "newsletter": "on", "utm_content": "SPRING-A",
                 "interests": ["compilers", "cobol"], "website": ""}
                """));

        assertThat(result.spam()).isFalse();
        Lead lead = crm.leads().get(result.lead());
        assertThat(lead.reach().email().value()).isEqualTo("grace@navy.example");
        assertThat(lead.reach().address().country()).isEqualTo("US");
        assertThat(lead.origin().source()).isEqualTo(LeadSource.WEB_FORM);
        assertThat(lead.consent().emailMarketing()).isTrue();
        assertThat(lead.consent().phoneContact()).isFalse();
        assertThat(lead.origin().attribution()).isEqualTo(new Attribution(campaign, ad, null));
        assertThat(lead.customFields()).containsExactly(Map.entry("interests", "compilers,cobol"));
        assertThat(lead.owner()).as("no assignment rules: web leads wait for a rep").isNull();
        assertThat(crm.tracking().touchpointsOfLead(lead.id())).extracting(Touchpoint::kind, Touchpoint::detail)
                .containsExactly(tuple(TouchpointKind.FORM_SUBMISSION, "contact-us"));
    }

    @Test
    void formErrorsNameTheFormsOwnFieldsAndWriteNothing() {
        assertThatThrownBy(() -> crm.leads().captureForm(CONTACT_US, WebFormSubmission.of(Map.of(
                "email_address", "grace@", "tel", "abc", "country", "XX"))))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field)
                        .containsExactlyInAnyOrder("lname", "email_address", "tel", "country"));
        assertThatThrownBy(() -> crm.leads().captureForm(CONTACT_US, WebFormSubmission.fromJson("[1, 2]")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.hasErrorFor("payload")).isTrue());
        assertThatThrownBy(() -> crm.leads().captureForm(CONTACT_US, WebFormSubmission.fromJson("{\"fname\": ")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.hasErrorFor("payload")).isTrue());
        assertThatThrownBy(() -> crm.leads().captureForm(CONTACT_US, WebFormSubmission.of(Map.of(
                "lname", "Hopper", "email_address", "grace@navy.example", "org", "x".repeat(3000)))))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.hasErrorFor("org")).isTrue());
        assertThat(leadCount()).isZero();
        assertThat(crm.tracking().touchpointsOfVisitor("v-1")).isEmpty();
    }

    @Test
    void aFilledHoneypotStoresSpamThatNoSearchOrMatchSees() {
        FormCapture spam = crm.leads().captureForm(CONTACT_US, WebFormSubmission.of(Map.of(
                "lname", "Bot", "email_address", "bot@spam.example", "website", "http://spam.example"))
                .fromVisitor("v-bot"));

        assertThat(spam.spam()).isTrue();
        Lead stored = crm.leads().get(spam.lead());
        assertThat(stored.spam()).isTrue();
        assertThat(stored.score()).isZero();
        assertThat(stored.visitorIds()).isEmpty();
        assertThat(crm.leads().search(LeadQuery.all(), PageRequest.first(10)).total()).isZero();
        assertThat(crm.leads().capture(NewLead.of("B", "Bot", "bot@spam.example"))).satisfies(
                id -> assertThat(crm.leads().get(id).duplicates()).isEmpty());
    }

    @Test
    void theVisitorsEarlierClicksCountForTheLeadAndARetryCapturesOnce() {
        CampaignId campaign = crm.tracking().createCampaign(CampaignDetails.named("Spring", Channel.WEB));
        crm.tracking().createAd(new AdDetails(campaign, "Banner", "SPRING-A", null));
        crm.tracking().record(new AdClick("click-1", START.minus(Duration.ofHours(1)), "v-9", "SPRING-A", null, null));
        WebFormSubmission form = WebFormSubmission.of(Map.of("lname", "Hopper", "email_address", "g@navy.example"))
                .fromVisitor("v-9").withSubmissionId("sub-1");

        FormCapture first = crm.leads().captureForm(CONTACT_US, form);
        FormCapture retry = crm.leads().captureForm(CONTACT_US, form);

        assertThat(retry.lead()).isEqualTo(first.lead());
        assertThat(leadCount()).isEqualTo(1);
        Lead lead = crm.leads().get(first.lead());
        assertThat(lead.visitorIds()).containsExactly("v-9");
        assertThat(crm.tracking().touchpointsOfLead(lead.id())).extracting(Touchpoint::kind)
                .containsExactly(TouchpointKind.AD_CLICK, TouchpointKind.FORM_SUBMISSION);
        Lead withoutClick = crm.leads().get(crm.leads().captureForm(CONTACT_US, WebFormSubmission.of(
                Map.of("lname", "Hopper", "email_address", "other@navy.example"))).lead());
        assertThat(lead.score()).isGreaterThan(withoutClick.score());
        assertThat(lead.score()).isEqualTo(crm.leads().score(lead.id()));
    }

    @Test
    void fullNameIsSplitAndUnmappedFieldsCanBeDropped() {
        FormMapping mapping = FormMapping.builder("short").map("name", LeadField.FULL_NAME)
                .map("mail", LeadField.EMAIL).keepUnmapped(false).require(LeadField.FULL_NAME).build();

        Lead lead = crm.leads().get(crm.leads().captureForm(mapping, WebFormSubmission.of(Map.of(
                "name", "Ada King Lovelace", "mail", "ada@example.com", "extra", "dropped"))).lead());

        assertThat(lead.identity().firstName()).isEqualTo("Ada King");
        assertThat(lead.identity().lastName()).isEqualTo("Lovelace");
        assertThat(lead.customFields()).isEmpty();
        assertThatThrownBy(() -> crm.leads().captureForm(mapping, WebFormSubmission.of(Map.of("mail", "a@b.example"))))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.hasErrorFor("name")).isTrue());
    }

    // ---- duplicates ---------------------------------------------------------------------------------------------

    @Test
    void duplicatesAreFlaggedByEmailPhoneAndSimilarNameAndCompany() {
        LeadId byEmail = crm.leads().capture(NewLead.of("Ada", "Lovelace", "ada@example.com"));
        LeadId byPhone = crm.leads().capture(NewLead.of("Charles", "Babbage", null).phone("+44 20 7946 0001"));
        LeadId byName = crm.leads().capture(NewLead.of("Jonathan", "Smith", "js@acme.example").company("Acme Inc."));
        AccountId acme = crm.accounts().create(AccountDetails.named("Globex Corporation"));
        ContactId contact = crm.contacts().create(ContactDetails.of(acme, "Hank", "Scorpio", "hank@globex.example"));

        Lead a = crm.leads().get(crm.leads().capture(NewLead.of("Ada", "L", " ADA@example.com")));
        Lead b = crm.leads().get(crm.leads().capture(NewLead.of("C", "B", null).phone("+442079460001")));
        Lead c = crm.leads().get(crm.leads().capture(NewLead.of("Jonathon", "Smith", "other@mail.example")
                .company("ACME")));
        Lead d = crm.leads().get(crm.leads().capture(NewLead.of("Hank", "Scorpio", "h@home.example")
                .company("Globex")));
        Lead distinct = crm.leads().get(crm.leads().capture(NewLead.of("John", "Smith", "john@initech.example")
                .company("Initech")));

        assertThat(a.duplicates()).extracting(DuplicateMatch::kind, DuplicateMatch::id, DuplicateMatch::reason)
                .containsExactly(tuple(Kind.LEAD, byEmail.value(), Reason.EMAIL));
        assertThat(b.duplicates()).extracting(DuplicateMatch::id, DuplicateMatch::reason)
                .containsExactly(tuple(byPhone.value(), Reason.PHONE));
        assertThat(c.duplicates()).extracting(DuplicateMatch::id, DuplicateMatch::reason)
                .containsExactly(tuple(byName.value(), Reason.NAME_AND_COMPANY));
        assertThat(c.duplicates().get(0).similarity()).isBetween(0.88, 1.0);
        assertThat(d.duplicates()).extracting(DuplicateMatch::kind, DuplicateMatch::id)
                .containsExactly(tuple(Kind.CONTACT, contact.value()));
        assertThat(distinct.duplicates()).isEmpty();
        assertThat(crm.leads().findDuplicates(byEmail)).extracting(DuplicateMatch::id).containsExactly(a.id().value());
    }

    @Test
    void aPersonWithTyposInEveryKeyIsStillFlaggedWithTheReasonsAndTheirWeights() {
        Address home = new Address("42 Wattle Grove", "Glenroy", "vic", "3046", "AU", null);
        LeadId original = crm.leads().capture(NewLead.of("Michaela", "Neumann", null).address(home)
                .birthDate(LocalDate.of(1965, 10, 13)));
        crm.leads().capture(NewLead.of("Michael", "Newman", null)
                .address(new Address("17 Coral Street", "Ballarat", "vic", "3350", "AU", null))
                .birthDate(LocalDate.of(1971, 2, 3)));

        Lead typo = crm.leads().get(crm.leads().capture(NewLead.of("Neumann", "Micheala", null)
                .address(new Address("42 Watle Grove", "Glenroy", "vic", "3064", "AU", null))
                .birthDate(LocalDate.of(1965, 10, 13))));

        assertThat(typo.duplicates()).singleElement().satisfies(m -> {
            assertThat(m.lead()).contains(original);
            assertThat(m.reason()).isEqualTo(Reason.PERSON);
            assertThat(m.certainty()).isEqualTo(DuplicateMatch.Certainty.ALMOST_CERTAIN);
            assertThat(m.explanation()).extracting(FieldAgreement::field, FieldAgreement::level).containsExactly(
                    tuple(MatchField.FIRST_NAME, Level.EXACT), tuple(MatchField.LAST_NAME, Level.CLOSE),
                    tuple(MatchField.BIRTH_DATE, Level.EXACT), tuple(MatchField.STREET, Level.CLOSE),
                    tuple(MatchField.CITY, Level.EXACT), tuple(MatchField.POSTAL_CODE, Level.CLOSE),
                    tuple(MatchField.REGION, Level.EXACT));
            assertThat(m.score()).isCloseTo(m.explanation().stream().mapToDouble(FieldAgreement::weight).sum(),
                    within(1e-9));
            assertThat(m.explanation()).allSatisfy(f -> assertThat(f.weight()).isPositive());
        });
    }

    @Test
    void aSameNamedStrangerIsNotFlaggedAndStricterThresholdsFlagLess() {
        Address home = new Address("42 Wattle Grove", "Glenroy", "vic", "3046", "AU", null);
        crm.leads().capture(NewLead.of("John", "Smith", null).address(home).birthDate(LocalDate.of(1965, 10, 13)));

        Lead stranger = crm.leads().get(crm.leads().capture(NewLead.of("John", "Smith", null)
                .address(new Address("3 Light Street", "Windermere", "tas", "7252", "AU", null))
                .birthDate(LocalDate.of(1980, 4, 2))));
        Lead moved = crm.leads().get(crm.leads().capture(NewLead.of("John", "Smith", null)
                .birthDate(LocalDate.of(1965, 10, 13))));
        Crm strictCrm = crmWith(DuplicateRules.defaults().withThresholds(40, 50));
        Lead strict = strictCrm.leads().get(strictCrm.leads().capture(NewLead.of("John", "Smith", null)
                .birthDate(LocalDate.of(1965, 10, 13))));

        assertThat(stranger.duplicates()).isEmpty();
        assertThat(moved.duplicates()).hasSize(1).allSatisfy(m -> assertThat(m.reason()).isEqualTo(Reason.PERSON));
        assertThat(strict.duplicates()).isEmpty();
    }

    @Test
    void mergeKeepsTheSurvivorsValuesAndTakesOverTheRest() {
        LeadId keep = crm.leads().capture(NewLead.of("Ada", "Lovelace", "ada@example.com").tags(Set.of("vip")));
        LeadId gone = crm.leads().capture(NewLead.of("Ada", "Lovelace", "ADA@example.com").company("Analytical")
                .phone("+44 20 7946 0958").tags(Set.of("london")).visitorId("v-5"));
        crm.tracking().logCall(RepInteraction.withLead(gone, 120, "interested", "asked for pricing"));

        Lead merged = crm.leads().merge(keep, gone);

        assertThat(merged.identity().company()).isEqualTo("Analytical");
        assertThat(merged.reach().phone().value()).isEqualTo("+442079460958");
        assertThat(merged.tags()).containsExactlyInAnyOrder("vip", "london");
        assertThat(merged.visitorIds()).containsExactly("v-5");
        assertThat(merged.duplicates()).isEmpty();
        assertThat(merged.history()).extracting(h -> h.action()).contains("CAPTURED", "MERGED");
        assertThat(crm.tracking().touchpointsOfLead(keep)).extracting(Touchpoint::kind)
                .containsExactly(TouchpointKind.PHONE_CALL);
        Lead retired = crm.leads().get(gone);
        assertThat(retired.status()).isEqualTo(LeadStatus.MERGED);
        assertThat(retired.outcome().mergedInto()).isEqualTo(keep);
        assertThat(crm.leads().search(LeadQuery.all(), PageRequest.first(10)).items()).extracting(Lead::id)
                .containsExactly(keep);
        assertThatThrownBy(() -> crm.leads().merge(keep, gone)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> as("rep-2").leads().merge(keep, gone)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void aMergeKeepsTheMostRestrictiveConsentOfTheTwoRecords() {
        LeadId keep = crm.leads().capture(NewLead.of("Ada", "Lovelace", "ada@example.com")
                .consent(new Consent(true, true, false)));
        LeadId gone = crm.leads().capture(NewLead.of("Ada", "Lovelace", "ADA@example.com")
                .consent(new Consent(false, true, true)));

        Lead merged = crm.leads().merge(keep, gone);

        assertThat(merged.consent()).as("only what both records agreed to").isEqualTo(new Consent(false, true, false));
    }

    @Test
    void aVisitorIdentifiedAsAMergedLeadGoesToTheLeadItWasMergedInto() {
        LeadId keep = crm.leads().capture(NewLead.of("Ada", "Lovelace", "ada@example.com"));
        LeadId gone = crm.leads().capture(NewLead.of("Ada", "Lovelace", "ADA@example.com"));
        crm.leads().merge(keep, gone);

        crm.tracking().identify("v-9", gone);

        assertThat(crm.leads().get(keep).visitorIds()).containsExactly("v-9");
        assertThat(crm.leads().get(gone).visitorIds()).as("a merged lead keeps no visitors").isEmpty();
    }

    @Test
    void mergeHandsTheDuplicatesTasksAndEventsToTheSurvivor() {
        LeadId keep = crm.leads().capture(NewLead.of("Ada", "Lovelace", "ada@example.com"));
        LeadId gone = crm.leads().capture(NewLead.of("Ada", "Lovelace", "ADA@example.com"));
        TaskId call = crm.tasks().create(NewTask.of("Call Ada back").about(Subject.of(gone)));
        TaskId own = crm.tasks().create(NewTask.of("Send Ada the deck").about(Subject.of(keep)));
        Instant start = Instant.parse("2026-03-02T10:00:00Z");
        CalendarEventId demo = crm.calendar().schedule(NewCalendarEvent.of(CalendarEventKind.MEETING, "Demo",
                start, start.plusSeconds(3600)).about(Subject.of(gone)));

        crm.leads().merge(keep, gone);

        assertThat(crm.tasks().ofSubject(Subject.of(keep))).extracting(Task::id).containsExactlyInAnyOrder(call, own);
        assertThat(crm.tasks().ofSubject(Subject.of(gone))).isEmpty();
        assertThat(crm.calendar().ofSubject(Subject.of(keep))).extracting(CalendarEvent::id).containsExactly(demo);
        assertThat(crm.calendar().ofSubject(Subject.of(gone))).isEmpty();
    }

    @Test
    void aLeadCapturedBySomeoneElseKeepsAnExplicitOwner() {
        LeadId id = as("rep-2").leads().capture(NewLead.of("Ada", "Lovelace", "ada@example.com")
                .owner(UserId.of("rep-3")));
        assertThat(crm.leads().get(id).owner()).isEqualTo(UserId.of("rep-3"));
    }

    @Test
    void aLocalNumberIsReadInTheTenantsRegionWhenTheAddressNamesNoCountry() {
        assertThatThrownBy(() -> crm.leads().capture(NewLead.of("Ada", "Lovelace", null).phone("02 9374 4000")))
                .as("no region: not a valid number").isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.hasErrorFor("phone")).isTrue());
        Crm sydney = crmWith(PhoneRegions.of("US").forTenant(tenant, "AU"));

        LeadId lead = sydney.leads().capture(NewLead.of("Ada", "Lovelace", null).phone("02 9374 4000"));
        LeadId london = sydney.leads().capture(NewLead.of("Grace", "Hopper", null).phone("020 7946 0958")
                .address(Address.of("London", null, "GB")));
        ContactId contact = sydney.contacts().create(ContactDetails.of(null, "Alan", "Turing", null)
                .withPhone("(02) 9374 4001"));

        assertThat(crm.leads().get(lead).reach().phone().value()).isEqualTo("+61293744000");
        assertThat(crm.leads().get(london).reach().phone().value()).as("the address's country wins")
                .isEqualTo("+442079460958");
        assertThat(crm.contacts().get(contact).points().phone().value()).isEqualTo("+61293744001");
        assertThat(sydney.agentView().byPhone("02 9374 4001", null)).isPresent();
    }

    @Test
    void aPhoneRegionThatIsNoRegionIsRefusedNamingIt() {
        assertThatThrownBy(() -> PhoneRegions.of("XX"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.hasErrorFor("defaultRegion"))
                        .isTrue());
        assertThatThrownBy(() -> PhoneRegions.none().forTenant(tenant, "Narnia"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.hasErrorFor(
                        "byTenant[" + tenant + "]")).isTrue());
    }

    @Test
    void aTenantWithRulesOfItsOwnIsMatchedByThemAndTheOthersByTheCrms() {
        DuplicateRules strict = DuplicateRules.defaults().withThresholds(60, 80);
        Crm both = crmWith(TenantDuplicateRules.of(tenant, strict));
        Crm other = both.as(new dev.crmkit.core.common.Actor(freshTenant(), actor.user(), actor.roles()));
        NewLead ada = NewLead.of("Ada", "Lovelace", "ada@example.com").address(Address.of("London", null, "GB"));
        NewLead again = NewLead.of("Ada", "Lovelace", "ada.lovelace@example.com")
                .address(Address.of("London", null, "GB")).birthDate(LocalDate.of(1985, 12, 10));

        both.leads().capture(ada);
        LeadId strictAgain = both.leads().capture(again);
        other.leads().capture(ada);
        LeadId otherAgain = other.leads().capture(again);

        assertThat(other.leads().get(otherAgain).duplicates()).as("the Crm's rules flag the name and city")
                .isNotEmpty();
        assertThat(both.leads().get(strictAgain).duplicates()).as("the tenant's own thresholds do not").isEmpty();
    }
}
