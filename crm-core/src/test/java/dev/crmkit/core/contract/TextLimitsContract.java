package dev.crmkit.core.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crmkit.core.Crm;
import dev.crmkit.core.common.AccountId;
import dev.crmkit.core.common.Actor;
import dev.crmkit.core.common.AdId;
import dev.crmkit.core.common.AffiliateId;
import dev.crmkit.core.common.Address;
import dev.crmkit.core.common.CampaignId;
import dev.crmkit.core.common.Channel;
import dev.crmkit.core.common.ContactId;
import dev.crmkit.core.common.EmailAddress;
import dev.crmkit.core.common.FieldError;
import dev.crmkit.core.common.LeadId;
import dev.crmkit.core.common.MatchKeys;
import dev.crmkit.core.common.Money;
import dev.crmkit.core.common.OpportunityId;
import dev.crmkit.core.common.OrderId;
import dev.crmkit.core.common.PageRequest;
import dev.crmkit.core.common.ProductId;
import dev.crmkit.core.common.QuoteId;
import dev.crmkit.core.common.TeamId;
import dev.crmkit.core.common.UserId;
import dev.crmkit.core.common.ValidationException;
import dev.crmkit.core.customer.Account;
import dev.crmkit.core.customer.AccountDetails;
import dev.crmkit.core.customer.Contact;
import dev.crmkit.core.customer.ContactDetails;
import dev.crmkit.core.customer.ContactQuery;
import dev.crmkit.core.customer.CustomerLimits;
import dev.crmkit.core.customer.NewPurchase;
import dev.crmkit.core.customer.Purchase;
import dev.crmkit.core.lead.AssignmentRules;
import dev.crmkit.core.lead.AssignmentRules.Team;
import dev.crmkit.core.lead.ConvertLead;
import dev.crmkit.core.lead.FormMapping;
import dev.crmkit.core.lead.Lead;
import dev.crmkit.core.lead.LeadField;
import dev.crmkit.core.lead.LeadLimits;
import dev.crmkit.core.lead.LeadQuery;
import dev.crmkit.core.lead.LeadStatus;
import dev.crmkit.core.lead.NewLead;
import dev.crmkit.core.lead.WebFormSubmission;
import dev.crmkit.core.sales.NewOpportunity;
import dev.crmkit.core.sales.ProductDetails;
import dev.crmkit.core.sales.Quote;
import dev.crmkit.core.sales.QuoteDraft;
import dev.crmkit.core.sales.QuoteItem;
import dev.crmkit.core.sales.SalesLimits;
import dev.crmkit.core.service.Article;
import dev.crmkit.core.service.ArticleDraft;
import dev.crmkit.core.service.ProductInfoDetails;
import dev.crmkit.core.service.ServiceLimits;
import dev.crmkit.core.task.CalendarEvent;
import dev.crmkit.core.task.CalendarEventKind;
import dev.crmkit.core.task.NewCalendarEvent;
import dev.crmkit.core.task.NewTask;
import dev.crmkit.core.task.TaskLimits;
import dev.crmkit.core.tracking.AdDetails;
import dev.crmkit.core.tracking.AffiliateDetails;
import dev.crmkit.core.tracking.CampaignDetails;
import dev.crmkit.core.tracking.RepInteraction;
import dev.crmkit.core.tracking.Touchpoint;
import dev.crmkit.core.tracking.TrackedActivity.AdClick;
import dev.crmkit.core.tracking.TrackedActivity.FormSubmission;
import dev.crmkit.core.tracking.TrackingLimits;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Text limits: a value as long as its field's limit is stored and read back unchanged on every adapter (with
 * characters that take several bytes, so a database counting bytes or cutting silently fails here), and a value
 * one character longer is a {@code ValidationException} naming the field, with nothing written.
 */
public abstract class TextLimitsContract extends ContractSupport {
    private static final PageRequest ALL = PageRequest.first(100);

    /**
     * Text of exactly {@code length} UTF-16 units mixing two- and three-byte characters and a four-byte one (a
     * surrogate pair), never split; {@code salt} makes values of one test distinct. Lower-case, without blanks.
     */
    protected static String text(int length, String salt) {
        StringBuilder b = new StringBuilder(salt);
        String[] parts = {"é", "名", "\uD83D\uDE00", "ß"};
        for (int i = 0; b.length() < length; i++) {
            String part = parts[i % parts.length];
            b.append(b.length() + part.length() <= length ? part : "x");
        }
        return b.substring(0, length);
    }

    private static String over(int limit, String salt) {
        return text(limit + 1, salt);
    }

    /** An email address exactly {@link EmailAddress#MAX_LENGTH} characters long. */
    private static String longestEmail(String local) {
        StringBuilder b = new StringBuilder(local).append('@');
        int left = EmailAddress.MAX_LENGTH - b.length() - ".com".length();
        for (; left > 61; left -= 61) {
            b.append("d".repeat(60)).append('.'); // domain labels are at most 63 characters
        }
        return b.append("d".repeat(left)).append(".com").toString();
    }

    private static Address longestAddress(String salt) {
        return new Address(text(Address.MAX_LINE, salt + "s"), text(Address.MAX_LINE, salt + "c"),
                text(Address.MAX_LINE, salt + "r"), text(Address.MAX_POSTAL_CODE, salt + "p"), "DE", null);
    }

    private static void assertFields(Throwable thrown, String... fields) {
        assertThat(thrown).isInstanceOf(ValidationException.class);
        List<FieldError> errors = ((ValidationException) thrown).errors();
        assertThat(errors).extracting(FieldError::field).containsExactlyInAnyOrder(fields);
        assertThat(errors).extracting(FieldError::reason).allMatch(r -> r.contains("at most"));
    }

    private static Throwable thrown(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            return e;
        }
        throw new AssertionError("expected a ValidationException, nothing was thrown");
    }

    // ---- value types ---------------------------------------------------------------------------------------------

    @Test
    void addressPartsOverTheirLimitAreNamedEach() {
        assertFields(thrown(() -> new Address(over(Address.MAX_LINE, "s"), over(Address.MAX_LINE, "c"),
                over(Address.MAX_LINE, "r"), over(Address.MAX_POSTAL_CODE, "p"), "DE", null)),
                "street", "city", "region", "postalCode");
    }

    // ---- leads ---------------------------------------------------------------------------------------------------

    @Test
    void leadAtEveryLimitIsStoredIntact() {
        String first = text(LeadLimits.NAME, "f");
        // Hangul folds into two or three letters per syllable: the match key is cut, the name is not.
        String last = "한".repeat(LeadLimits.NAME);
        String company = text(LeadLimits.NAME, "c");
        String title = text(LeadLimits.NAME, "t");
        String tag = text(LeadLimits.TAG, "g");
        String visitor = text(TrackingLimits.VISITOR_ID, "v");
        String email = longestEmail("ada");
        Address address = longestAddress("l");
        LeadId id = crm.leads().capture(NewLead.of(first, last, email).company(company).title(title)
                .address(address).tags(Set.of(tag)).visitorId(visitor));

        Lead lead = crm.leads().get(id);
        assertThat(List.of(lead.identity().firstName(), lead.identity().lastName(), lead.identity().company(),
                lead.identity().title()))
                .containsExactly(first, last, company, title);
        assertThat(lead.reach().email().value()).isEqualTo(email).hasSize(EmailAddress.MAX_LENGTH);
        assertThat(lead.reach().address()).isEqualTo(address);
        assertThat(lead.tags()).containsExactly(tag);
        assertThat(lead.visitorIds()).containsExactly(visitor);
        assertThat(crm.leads().search(LeadQuery.all().withTag(tag), ALL).items()).extracting(Lead::id)
                .containsExactly(id);

        String reason = text(LeadLimits.UNQUALIFIED_REASON, "why");
        assertThat(crm.leads().disqualify(id, reason).outcome().unqualifiedReason()).isEqualTo(reason);
        assertThat(crm.leads().get(id).outcome().unqualifiedReason()).isEqualTo(reason);
    }

    @Test
    void overLongLeadFieldsAreNamedAndNothingIsStored() {
        Throwable thrown = thrown(() -> crm.leads().capture(NewLead.of(over(LeadLimits.NAME, "f"),
                over(LeadLimits.NAME, "l"), "ada@example.com").company(over(LeadLimits.NAME, "c"))
                .title(over(LeadLimits.NAME, "t")).tags(Set.of("ok", over(LeadLimits.TAG, "g")))
                .visitorId(over(TrackingLimits.VISITOR_ID, "v"))));
        assertFields(thrown, "firstName", "lastName", "company", "title", "tags", "visitorId");
        assertThat(thrown(() -> crm.leads().capture(NewLead.of("Ada", "Lovelace",
                "a".repeat(EmailAddress.MAX_LENGTH - 11) + "@example.com"))))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.hasErrorFor("email")).isTrue());
        assertThat(crm.leads().search(LeadQuery.all(), ALL).items()).isEmpty();
        assertThat(crm.tracking().touchpointsOfVisitor(over(TrackingLimits.VISITOR_ID, "v"))).isEmpty();
    }

    @Test
    void convertingALeadWhoseFullNameIsTooLongForAnAccountNamesTheAccountByTheLastName() {
        String first = text(LeadLimits.NAME, "f");
        String last = text(LeadLimits.NAME, "l");
        LeadId lead = crm.leads().capture(NewLead.of(first, last, "ada@example.com"));
        crm.leads().qualify(lead);
        AccountId account = crm.leads().convert(lead, ConvertLead.automatically()).account();
        assertThat(crm.accounts().get(account).name()).isEqualTo(last);
    }

    @Test
    void theLongestAssignmentTeamNameNamesACounterThatFits() {
        Team team = Team.of(text(Team.MAX_NAME, "team"), UserId.of("rep-2"), UserId.of("rep-3"));
        Crm system = crmWith(AssignmentRules.roundRobin(team)).as(new Actor(tenant, UserId.SYSTEM, actor.roles()));
        LeadId first = system.leads().capture(NewLead.of("Ada", "Lovelace", "ada@example.com"));
        LeadId second = system.leads().capture(NewLead.of("Grace", "Hopper", "grace@example.com"));
        assertThat(List.of(crm.leads().get(first).owner(), crm.leads().get(second).owner()))
                .containsExactly(UserId.of("rep-2"), UserId.of("rep-3"));
        assertThatThrownBy(() -> Team.of(text(Team.MAX_NAME + 1, "team"), UserId.of("rep-2")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void overLongDisqualificationReasonLeavesTheLeadAsItWas() {
        LeadId id = crm.leads().capture(NewLead.of("Ada", "Lovelace", "ada@example.com"));
        assertFields(thrown(() -> crm.leads().disqualify(id, over(LeadLimits.UNQUALIFIED_REASON, "why"))),
                "reason");
        assertThat(crm.leads().get(id).status()).isEqualTo(LeadStatus.NEW);
    }

    @Test
    void webFormErrorsNameTheFormFieldsAndNothingIsStored() {
        FormMapping mapping = FormMapping.builder("signup").map("fname", LeadField.FIRST_NAME)
                .map("lname", LeadField.LAST_NAME).map("mail", LeadField.EMAIL).map("road", LeadField.STREET)
                .map("zip", LeadField.POSTAL_CODE).map("land", LeadField.COUNTRY).build();
        Map<String, String> fields = Map.of("fname", "Grace", "lname", over(LeadLimits.NAME, "l"),
                "mail", "grace@navy.example", "road", over(Address.MAX_LINE, "s"),
                "zip", over(Address.MAX_POSTAL_CODE, "p"), "land", "US");
        assertFields(thrown(() -> crm.leads().captureForm(mapping,
                new WebFormSubmission(fields, over(TrackingLimits.VISITOR_ID, "v"),
                        over(TrackingLimits.EXTERNAL_EVENT_ID, "s")))),
                "lname", "road", "zip", "visitorId", "submissionId");
        assertThat(crm.leads().search(LeadQuery.all(), ALL).items()).isEmpty();

        String submission = text(TrackingLimits.EXTERNAL_EVENT_ID, "s");
        Map<String, String> fitting = Map.of("fname", "Grace", "lname", "Hopper", "mail", "grace@navy.example",
                "road", text(Address.MAX_LINE, "s"), "zip", text(Address.MAX_POSTAL_CODE, "p"), "land", "US");
        WebFormSubmission form = new WebFormSubmission(fitting, null, submission);
        LeadId id = crm.leads().captureForm(mapping, form).lead();
        assertThat(crm.leads().get(id).reach().address().street()).isEqualTo(text(Address.MAX_LINE, "s"));
        assertThat(crm.leads().captureForm(mapping, form).lead()).as("the retry finds the first capture")
                .isEqualTo(id);
    }

    // ---- accounts, contacts, purchases ---------------------------------------------------------------------------

    @Test
    void accountAndContactAtEveryLimitAreStoredIntact() {
        String name = text(CustomerLimits.ACCOUNT_NAME, "a");
        String industry = text(CustomerLimits.INDUSTRY, "i");
        String website = "https://example.com/" + "é名".repeat((CustomerLimits.WEBSITE - 20) / 2);
        String accountTag = text(CustomerLimits.TAG, "g");
        AccountId account = crm.accounts().create(new AccountDetails(name, industry, null, longestAddress("a"),
                website, null, Set.of(accountTag)));
        Account a = crm.accounts().get(account);
        assertThat(List.of(a.name(), a.industry(), a.website())).containsExactly(name, industry, website);
        assertThat(a.website()).hasSize(CustomerLimits.WEBSITE);
        assertThat(a.tags()).containsExactly(accountTag);
        assertThat(a.address()).isEqualTo(longestAddress("a"));
        assertThat(crm.accounts().findByName(name)).extracting(Account::id).containsExactly(account);

        String first = text(CustomerLimits.PERSON_NAME, "f");
        String last = "한".repeat(CustomerLimits.PERSON_NAME);
        String title = text(CustomerLimits.PERSON_NAME, "t");
        String tag = text(CustomerLimits.TAG, "h");
        ContactId contact = crm.contacts().create(ContactDetails.of(account, first, last, longestEmail("grace"))
                .withTitle(title).withTags(Set.of(tag)).withAddress(longestAddress("c")));
        Contact c = crm.contacts().get(contact);
        assertThat(List.of(c.name().firstName(), c.name().lastName(), c.name().title()))
                .containsExactly(first, last, title);
        assertThat(c.points().email().value()).isEqualTo(longestEmail("grace"));
        assertThat(c.tags()).containsExactly(tag);
        assertThat(c.points().address()).isEqualTo(longestAddress("c"));
        assertThat(c.nameKey()).hasSize(MatchKeys.MAX_LENGTH);
    }

    @Test
    void overLongAccountAndContactFieldsAreNamedAndNothingIsStored() {
        assertFields(thrown(() -> crm.accounts().create(new AccountDetails(over(CustomerLimits.ACCOUNT_NAME, "a"),
                over(CustomerLimits.INDUSTRY, "i"), null, null,
                "https://example.com/" + "x".repeat(CustomerLimits.WEBSITE), null,
                Set.of(over(CustomerLimits.TAG, "g"))))), "name", "industry", "website", "tags");
        assertThat(crm.accounts().list(ALL).items()).isEmpty();

        assertFields(thrown(() -> crm.contacts().create(ContactDetails.of(null, over(CustomerLimits.PERSON_NAME,
                "f"), over(CustomerLimits.PERSON_NAME, "l"), "grace@navy.example")
                .withTitle(over(CustomerLimits.PERSON_NAME, "t")).withTags(Set.of(over(CustomerLimits.TAG, "g"))))),
                "firstName", "lastName", "title", "tags");
        assertThat(crm.contacts().search(ContactQuery.all(), ALL).items()).isEmpty();
    }

    @Test
    void purchaseTextAtTheLimitIsStoredAndOverItNothingIs() {
        AccountId account = crm.accounts().create(AccountDetails.named("Acme"));
        Money price = Money.of("10.00", "EUR");
        String code = text(CustomerLimits.PRODUCT, "c");
        String name = text(CustomerLimits.PRODUCT, "n");
        String reference = text(CustomerLimits.ORDER_REFERENCE, "r");
        crm.customers().recordPurchase(new NewPurchase(account, null, code, name, null, 1, price, Set.of(), null,
                reference));
        assertThat(crm.customers().purchases(account)).singleElement().satisfies(p -> {
            assertThat(List.of(p.productCode(), p.productName(), p.orderReference()))
                    .containsExactly(code, name, reference);
        });

        assertFields(thrown(() -> crm.customers().recordPurchase(new NewPurchase(account, null,
                over(CustomerLimits.PRODUCT, "c"), over(CustomerLimits.PRODUCT, "n"), null, 1, price, Set.of(), null,
                over(CustomerLimits.ORDER_REFERENCE, "r")))), "productCode", "productName", "orderReference");
        assertThat(crm.customers().purchases(account)).extracting(Purchase::productCode).containsExactly(code);
    }

    // ---- tracking ------------------------------------------------------------------------------------------------

    @Test
    void campaignsAdsAndAffiliatesAtTheLimitAreStoredAndOverItNothingIs() {
        String campaignName = text(TrackingLimits.NAME, "c");
        CampaignId campaign = crm.tracking().createCampaign(CampaignDetails.named(campaignName, Channel.WEB));
        assertThat(crm.tracking().campaign(campaign).orElseThrow().name()).isEqualTo(campaignName);
        assertFields(thrown(() -> crm.tracking().createCampaign(CampaignDetails.named(over(TrackingLimits.NAME, "c"),
                Channel.WEB))), "name");

        String adName = text(TrackingLimits.NAME, "a");
        String adCode = text(TrackingLimits.TRACKING_CODE, "code");
        String landing = text(TrackingLimits.LANDING_URL, "https://example.com/");
        AdId ad = crm.tracking().createAd(new AdDetails(campaign, adName, adCode, landing));
        assertThat(crm.tracking().ad(ad).orElseThrow()).satisfies(a -> assertThat(
                List.of(a.name(), a.trackingCode(), a.landingUrl())).containsExactly(adName, adCode, landing));
        assertFields(thrown(() -> crm.tracking().createAd(new AdDetails(campaign, over(TrackingLimits.NAME, "a"),
                over(TrackingLimits.TRACKING_CODE, "code"), over(TrackingLimits.LANDING_URL, "https://x/")))),
                "name", "trackingCode", "landingUrl");
        assertThat(crm.tracking().ads(campaign)).extracting(a -> a.id()).containsExactly(ad);

        String siteName = text(TrackingLimits.NAME, "s");
        String domain = text(TrackingLimits.SITE_DOMAIN, "d");
        String siteCode = text(TrackingLimits.TRACKING_CODE, "aff");
        AffiliateId site = crm.tracking().createAffiliate(new AffiliateDetails(siteName, domain, siteCode));
        assertThat(crm.tracking().affiliates()).singleElement().satisfies(s -> {
            assertThat(s.id()).isEqualTo(site);
            assertThat(List.of(s.name(), s.domain(), s.trackingCode())).containsExactly(siteName, domain, siteCode);
        });
        assertFields(thrown(() -> crm.tracking().createAffiliate(new AffiliateDetails(over(TrackingLimits.NAME, "s"),
                over(TrackingLimits.SITE_DOMAIN, "d"), over(TrackingLimits.TRACKING_CODE, "aff")))),
                "name", "domain", "trackingCode");
        assertThat(crm.tracking().affiliates()).hasSize(1);

        // Codes longer than any stored one are unknown (a lookup, not a write: no database rejects it).
        clock.advance(Duration.ofMinutes(1));
        assertThat(thrown(() -> crm.tracking().record(new AdClick("e-1", clock.instant(), "v-1",
                over(TrackingLimits.TRACKING_CODE, "code"), over(TrackingLimits.TRACKING_CODE, "aff"), null))))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactlyInAnyOrder("adCode", "affiliateCode"));
    }

    @Test
    void touchpointKeysAtTheLimitAreStoredAndOverItTheBatchIsRejected() {
        crm.tracking().createCampaign(CampaignDetails.named("Spring", Channel.WEB));
        CampaignId campaign = crm.tracking().campaigns().get(0).id();
        crm.tracking().createAd(new AdDetails(campaign, "Banner", "AD1", null));
        clock.advance(Duration.ofMinutes(1));
        String event = text(TrackingLimits.EXTERNAL_EVENT_ID, "e");
        String visitor = text(TrackingLimits.VISITOR_ID, "v");
        assertThat(crm.tracking().record(new AdClick(event, clock.instant(), visitor, "AD1", null, null))).isTrue();
        assertThat(crm.tracking().record(new AdClick(event, clock.instant(), visitor, "AD1", null, null)))
                .as("a retry with the same external id").isFalse();
        assertThat(crm.tracking().touchpointsOfVisitor(visitor)).singleElement().satisfies(t -> {
            assertThat(t.externalEventId()).isEqualTo(event);
            assertThat(t.visitorId()).isEqualTo(visitor);
        });

        String otherVisitor = text(TrackingLimits.VISITOR_ID, "w");
        Throwable thrown = thrown(() -> crm.tracking().recordAll(List.of(
                new AdClick("fine", clock.instant(), otherVisitor, "AD1", null, null),
                new AdClick(over(TrackingLimits.EXTERNAL_EVENT_ID, "e"), clock.instant(),
                        over(TrackingLimits.VISITOR_ID, "v"), "AD1", null, null),
                new FormSubmission("form", clock.instant(), over(TrackingLimits.VISITOR_ID, "x"), null, null,
                        "signup"))));
        assertFields(thrown, "events[1].externalEventId", "events[1].visitorId", "events[2].visitorId");
        assertThat(crm.tracking().touchpointsOfVisitor(otherVisitor)).as("nothing of the batch").isEmpty();

        LeadId lead = crm.leads().capture(NewLead.of("Ada", "Lovelace", "ada@example.com"));
        assertFields(thrown(() -> crm.tracking().identify(over(TrackingLimits.VISITOR_ID, "v"), lead)), "visitorId");
        assertThat(crm.tracking().identify(visitor, lead)).isEqualTo(1);
        assertThat(crm.leads().get(lead).visitorIds()).containsExactly(visitor);
    }

    @Test
    void callOutcomeAtTheLimitIsStoredAndOverItNothingIs() {
        LeadId lead = crm.leads().capture(NewLead.of("Ada", "Lovelace", "ada@example.com"));
        String outcome = text(TrackingLimits.OUTCOME, "o");
        crm.tracking().logCall(RepInteraction.withLead(lead, 60, outcome, "notes"));
        assertFields(thrown(() -> crm.tracking().logCall(RepInteraction.withLead(lead, 60,
                over(TrackingLimits.OUTCOME, "o"), "notes"))), "outcome");
        assertThat(crm.tracking().touchpointsOfLead(lead)).extracting(Touchpoint::outcome).containsExactly(outcome);
    }

    // ---- sales ---------------------------------------------------------------------------------------------------

    @Test
    void productCodeAndNameAtTheLimitAreStoredAndOverItNothingIs() {
        String code = text(SalesLimits.PRODUCT_CODE, "p").replace("ß", "x").toUpperCase(Locale.ROOT);
        String name = text(SalesLimits.PRODUCT_NAME, "n");
        ProductId id = crm.products().create(ProductDetails.of(code, name));
        assertThat(crm.products().get(id).code()).isEqualTo(code);
        assertThat(crm.products().get(id).name()).isEqualTo(name);
        assertThat(crm.products().findByCode(code.toLowerCase(Locale.ROOT))).map(p -> p.id()).contains(id);

        assertFields(thrown(() -> crm.products().create(ProductDetails.of(over(SalesLimits.PRODUCT_CODE, "q"),
                over(SalesLimits.PRODUCT_NAME, "n")))), "code", "name");
        // Stored upper-case, "ß" becomes "SS": the stored code must fit, not the typed one.
        assertFields(thrown(() -> crm.products().create(ProductDetails.of("ß".repeat(SalesLimits.PRODUCT_CODE),
                "Strasse"))), "code");
        assertThat(crm.products().list(ALL).items()).hasSize(1);
    }

    @Test
    void taxRateAsLongAsItsTextColumnIsKeptExactlyAndLongerIsRejected() {
        AccountId account = crm.accounts().create(AccountDetails.named("Acme"));
        ProductId product = crm.products().create(ProductDetails.of("ENG-1", "Engine"));
        crm.products().createPriceBook("Europe", "EUR");
        crm.products().setListPrice(product, Money.of("1999.99", "EUR"));
        OpportunityId deal = crm.opportunities().create(NewOpportunity.of(account, "Engines",
                Money.of("2000.00", "EUR"), LocalDate.of(2026, 3, 31)));
        String rate = "19." + "5".repeat(SalesLimits.TAX_RATE_TEXT - 3);
        QuoteId quote = crm.quotes().create(deal, QuoteDraft.of(List.of(QuoteItem.of(product, 1))).withTaxRate(rate));
        assertThat(crm.quotes().get(quote).pricing().taxRate().toString()).isEqualTo(rate);

        assertFields(thrown(() -> crm.quotes().create(deal, QuoteDraft.of(List.of(QuoteItem.of(product, 1)))
                .withTaxRate(rate + "5"))), "taxRate");
        assertThat(crm.quotes().ofOpportunity(deal)).extracting(Quote::id).containsExactly(quote);
    }

    @Test
    void specialInstructionsAtTheLimitReachThePurchaseIntactAndOverItNothingIsStored() {
        AccountId account = crm.accounts().create(AccountDetails.named("Acme"));
        ProductId product = crm.products().create(ProductDetails.of("ENG-1", "Engine"));
        crm.products().createPriceBook("Europe", "EUR");
        crm.products().setListPrice(product, Money.of("1999.99", "EUR"));
        OpportunityId deal = crm.opportunities().create(NewOpportunity.of(account, "Engines",
                Money.of("2000.00", "EUR"), LocalDate.of(2026, 3, 31)));
        int limit = SalesLimits.SPECIAL_INSTRUCTIONS;
        // Multi-line: line breaks count as characters like any other.
        String forLine = text(limit / 2, "l") + "\n" + text(limit - limit / 2 - 1, "m");
        String forOrder = text(limit / 2, "o") + "\r\n" + text(limit - limit / 2 - 2, "p");
        assertThat(List.of(forLine, forOrder)).allSatisfy(t -> assertThat(t).hasSize(limit));
        QuoteId quote = crm.quotes().create(deal, QuoteDraft.of(List.of(QuoteItem.of(product, 1)
                .withSpecialInstructions(forLine))).withSpecialInstructions(forOrder));
        assertThat(crm.quotes().get(quote).pricing().lines()).singleElement().extracting(l -> l.specialInstructions())
                .isEqualTo(forLine);
        assertThat(crm.quotes().get(quote).terms().specialInstructions()).isEqualTo(forOrder);

        assertFields(thrown(() -> crm.quotes().create(deal, QuoteDraft.of(List.of(QuoteItem.of(product, 1),
                QuoteItem.of(product, 2).withSpecialInstructions(forLine + "m")))
                .withSpecialInstructions(forOrder + "p"))), "items[1].specialInstructions", "specialInstructions");
        assertFields(thrown(() -> crm.quotes().revise(crm.quotes().get(quote),
                QuoteDraft.of(List.of(QuoteItem.of(product, 1)))
                .withSpecialInstructions(over(limit, "o")))), "specialInstructions");
        assertThat(crm.quotes().ofOpportunity(deal)).extracting(Quote::id).containsExactly(quote);
        assertThat(crm.quotes().get(quote).revision()).isEqualTo(1);

        crm.quotes().send(quote);
        OrderId order = crm.quotes().accept(quote);
        crm.orders().confirm(order);
        crm.orders().ship(order, null);
        crm.orders().deliver(order);
        assertThat(crm.orders().get(order).specialInstructions()).isEqualTo(forOrder);
        // A purchase carries both, so its own instructions are not limited.
        assertThat(crm.customers().purchases(account)).singleElement().extracting(Purchase::specialInstructions)
                .isEqualTo(forLine + "\n\nFor the whole order: " + forOrder);

        // Blanks around the text are not kept, so they do not count.
        QuoteId padded = crm.quotes().create(deal, QuoteDraft.of(List.of(QuoteItem.of(product, 1)))
                .withSpecialInstructions(" \n" + forOrder + "\n "));
        assertThat(crm.quotes().get(padded).terms().specialInstructions()).isEqualTo(forOrder);
    }

    // ---- tasks, teams, calendar ----------------------------------------------------------------------------------

    @Test
    void taskTeamAndEventTextAtTheLimitIsStoredAndOverItNothingIs() {
        String title = text(TaskLimits.TASK_TITLE, "t");
        assertThat(crm.tasks().get(crm.tasks().create(NewTask.of(title))).title()).isEqualTo(title);
        assertFields(thrown(() -> crm.tasks().create(NewTask.of(over(TaskLimits.TASK_TITLE, "t")))), "title");
        assertThat(crm.tasks().myOpenTasks()).hasSize(1);

        String teamName = text(TaskLimits.TEAM_NAME, "n");
        TeamId team = crm.teams().create(teamName, actor.user(), Set.of(UserId.of("rep-2")));
        assertThat(crm.teams().get(team).name()).isEqualTo(teamName);
        assertFields(thrown(() -> crm.teams().create(over(TaskLimits.TEAM_NAME, "n"), actor.user(), Set.of())),
                "name");
        assertThat(crm.teams().managedBy(actor.user())).hasSize(1);

        String eventTitle = text(TaskLimits.EVENT_TITLE, "e");
        String location = text(TaskLimits.EVENT_LOCATION, "l");
        CalendarEvent event = crm.calendar().get(crm.calendar().schedule(NewCalendarEvent.of(
                CalendarEventKind.MEETING, eventTitle, START.plusSeconds(3600), START.plusSeconds(7200))
                .at(location)));
        assertThat(List.of(event.title(), event.location())).containsExactly(eventTitle, location);
        assertFields(thrown(() -> crm.calendar().schedule(NewCalendarEvent.of(CalendarEventKind.MEETING,
                over(TaskLimits.EVENT_TITLE, "e"), START.plusSeconds(3600), START.plusSeconds(7200))
                .at(over(TaskLimits.EVENT_LOCATION, "l")))), "title", "location");
        assertThat(crm.calendar().myCalendar(START, START.plus(Duration.ofDays(1)))).hasSize(1);
    }

    // ---- service -------------------------------------------------------------------------------------------------

    @Test
    void serviceProductCodesAtTheLimitAreStoredAndOverItNothingIs() {
        String code = text(ServiceLimits.PRODUCT_CODE, "k");
        Article article = crm.knowledge().create(new ArticleDraft("Reset", "Hold the button.", Set.of(),
                Set.of(code)));
        assertThat(crm.knowledge().get(article.id()).productCodes()).containsExactly(code);
        assertThat(crm.knowledge().forProduct(code)).extracting(Article::id).containsExactly(article.id());
        assertFields(thrown(() -> crm.knowledge().create(new ArticleDraft("Reset", "Hold it.", Set.of(),
                Set.of("ok", over(ServiceLimits.PRODUCT_CODE, "k"))))), "productCodes");
        assertFields(thrown(() -> crm.knowledge().edit(article, new ArticleDraft("Reset", "Hold it.",
                Set.of(), Set.of(over(ServiceLimits.PRODUCT_CODE, "k"))))), "productCodes");
        assertThat(crm.knowledge().get(article.id()).productCodes()).containsExactly(code);
        assertThat(crm.knowledge().forProduct(over(ServiceLimits.PRODUCT_CODE, "k"))).isEmpty();

        crm.productInfo().save(new ProductInfoDetails(code, null, "Router", null, Map.of(), List.of()));
        assertThat(crm.productInfo().byCode(code)).map(p -> p.productCode()).contains(code);
        assertFields(thrown(() -> crm.productInfo().save(new ProductInfoDetails(over(ServiceLimits.PRODUCT_CODE,
                "k"), null, "Router", null, Map.of(), List.of()))), "productCode");
        assertThat(crm.productInfo().byCode(over(ServiceLimits.PRODUCT_CODE, "k"))).isEmpty();
    }
}
