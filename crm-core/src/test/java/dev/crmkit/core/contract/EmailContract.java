package dev.crmkit.core.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.crmkit.core.Crm;
import dev.crmkit.core.common.AccessDeniedException;
import dev.crmkit.core.common.Actor;
import dev.crmkit.core.common.FieldError;
import dev.crmkit.core.common.LawfulBasis;
import dev.crmkit.core.common.LeadId;
import dev.crmkit.core.common.NotFoundException;
import dev.crmkit.core.common.PageRequest;
import dev.crmkit.core.common.UserId;
import dev.crmkit.core.common.ValidationException;
import dev.crmkit.core.email.ConsentAction;
import dev.crmkit.core.email.ConsentChange;
import dev.crmkit.core.email.ConsentStatus;
import dev.crmkit.core.email.EmailLimits;
import dev.crmkit.core.email.EmailMessage;
import dev.crmkit.core.email.EmailRequest;
import dev.crmkit.core.email.EmailSendException;
import dev.crmkit.core.email.EmailSender;
import dev.crmkit.core.email.EmailSettings;
import dev.crmkit.core.email.EmailTemplateId;
import dev.crmkit.core.email.NewEmailTemplate;
import dev.crmkit.core.email.OptIn;
import dev.crmkit.core.email.OptInRequest;
import dev.crmkit.core.email.RecordingEmailSender;
import dev.crmkit.core.email.SendOutcome;
import dev.crmkit.core.email.SendResult;
import dev.crmkit.core.email.SentEmailStatus;
import dev.crmkit.core.email.SuppressionReason;
import dev.crmkit.core.lead.NewLead;
import dev.crmkit.core.tracking.Touchpoint;
import dev.crmkit.core.tracking.TouchpointKind;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Email with consent on a storage: templates (merge fields, escaping, unknown fields refused), double opt-in, signed
 * unsubscribe links without login, the suppression list, the weekly cap, quiet hours in the recipient's zone, the
 * consent log, touchpoints, and nothing stored when a send fails. Time moves by the test's clock; the contract
 * start is Monday 09:00 UTC.
 */
public abstract class EmailContract extends ContractSupport {
    private static final String KEY = "a-signing-key-of-the-host-0123456789";
    private static final EmailSettings SETTINGS = EmailSettings.of("news@shop.example", KEY,
            "https://shop.example/email").fromName("Shop");
    private static final String ADA = "ada@example.com";

    private final RecordingEmailSender outbox = new RecordingEmailSender();
    private Crm mail;
    private EmailTemplateId news;
    private EmailTemplateId receipt;
    private EmailTemplateId confirm;

    @BeforeEach
    void setUpMail() {
        mail = crmWith(SETTINGS, outbox);
        news = mail.email().createTemplate(NewEmailTemplate.marketing("News", "News for {{firstName}}",
                "<p>Hi {{firstName}}</p><p><a href=\"{{unsubscribeUrl}}\">Unsubscribe</a></p>")
                .text("Hi {{firstName}}\nUnsubscribe: {{unsubscribeUrl}}"));
        receipt = mail.email().createTemplate(NewEmailTemplate.transactional("Receipt", "Your order {{order}}",
                "<p>Order {{order}} for {{email}}</p>").fields(Set.of("order")));
        confirm = mail.email().createTemplate(NewEmailTemplate.transactional("Confirm", "Please confirm",
                "<a href=\"{{confirmUrl}}\">Yes, subscribe me</a>").text("Confirm: {{confirmUrl}}"));
    }

    private SendResult sendNews(String to) {
        return mail.email().sendMarketing(EmailRequest.of(news, to).values(Map.of("firstName", "Ada")));
    }

    private void subscribe(String to) {
        mail.email().grantConsent(to, LawfulBasis.CONSENT, "signup form");
    }

    private static String tokenOf(String url) {
        return url.substring(url.indexOf("token=") + "token=".length());
    }

    // ---- templates

    @Test
    void aTemplateWithAnUnknownMergeFieldIsRefusedNamingTheFieldAndNothingIsStored() {
        List<?> before = mail.email().templates();
        assertThatThrownBy(() -> mail.email().createTemplate(NewEmailTemplate.transactional("Bad",
                "Hi {{frstName}}", "<p>{{#vip}}VIP{{/vip}} {{firstName}}</p>")))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.hasErrorFor("subject")).isTrue();
                    assertThat(e.hasErrorFor("html")).isTrue();
                    assertThat(e.getMessage()).contains("'frstName'").contains("'vip'");
                });
        assertThat(mail.email().templates()).hasSameSizeAs(before);
    }

    @Test
    void aMarketingTemplateMustCarryTheUnsubscribeLinkAndABrokenTemplateIsRefused() {
        assertThatThrownBy(() -> mail.email().createTemplate(NewEmailTemplate.marketing("No way out", "Hi",
                "<p>Buy now</p>")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.hasErrorFor("html")).isTrue());
        assertThatThrownBy(() -> mail.email().createTemplate(NewEmailTemplate.transactional("Broken", "Hi",
                "<p>{{#firstName}}open</p>")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.hasErrorFor("html")).isTrue());
        assertThatThrownBy(() -> mail.email().createTemplate(NewEmailTemplate.transactional("Shadow", "Hi",
                "<p>x</p>").fields(Set.of("email", "2bad"))))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.hasErrorFor("fields")).isTrue();
                    assertThat(e.errors()).hasSize(2);
                });
    }

    @Test
    void templatesBelongToTheirTenantAndNeedAManager() {
        Crm other = crm.as(new Actor(freshTenant(), UserId.of("rep-9"), Set.of(Actor.MANAGER)));
        assertThatThrownBy(() -> other.email().template(news)).isInstanceOf(NotFoundException.class);
        assertThat(other.email().templates()).isEmpty();
        assertThatThrownBy(() -> as("rep-2").email().createTemplate(NewEmailTemplate.transactional("T", "S", "H")))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(mail.email().template(news).name()).isEqualTo("News");
    }

    @Test
    void mergeValuesAreEscapedInTheHtmlBodyAndKeptInTheTextParts() {
        mail.email().sendTransactional(EmailRequest.of(receipt, ADA).values(Map.of("order", "<b>A&B</b>")));
        EmailMessage m = outbox.sent().get(0);
        assertThat(m.subject()).isEqualTo("Your order <b>A&B</b>");
        assertThat(m.html()).isEqualTo("<p>Order &lt;b&gt;A&amp;B&lt;/b&gt; for ada@example.com</p>");
        assertThat(m.from().value()).isEqualTo("news@shop.example");
        assertThat(m.fromName()).isEqualTo("Shop");
        assertThat(m.header("List-Unsubscribe")).as("transactional mail has no unsubscribe header").isNull();
    }

    @Test
    void aMissingMergeValueIsRefusedNamingItAndNothingIsSent() {
        subscribe(ADA);
        assertThatThrownBy(() -> mail.email().sendMarketing(EmailRequest.of(news, ADA)))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.hasErrorFor("values.firstName")).isTrue());
        assertThatThrownBy(() -> mail.email().sendTransactional(EmailRequest.of(receipt, ADA)
                .values(Map.of("order", "1", "email", "eve@example.com"))))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.hasErrorFor("values.email")).isTrue());
        assertThatThrownBy(() -> mail.email().sendMarketing(EmailRequest.of(receipt, ADA)
                .values(Map.of("order", "1"))))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.hasErrorFor("template")).isTrue());
        assertThat(outbox.sent()).isEmpty();
        assertThat(sendNews(ADA).outcome()).as("the failed sends did not count for the cap").isEqualTo(SendOutcome.SENT);
    }

    // ---- consent

    @Test
    void noMarketingEmailGoesToAnAddressWithoutConsent() {
        assertThat(sendNews(ADA).outcome()).isEqualTo(SendOutcome.NO_CONSENT);
        mail.email().requestOptIn(OptInRequest.of(ADA, "newsletter box"));
        assertThat(sendNews(ADA).outcome()).as("requested, not confirmed").isEqualTo(SendOutcome.NO_CONSENT);
        assertThat(outbox.sent()).isEmpty();
        assertThat(mail.email().sendTransactional(EmailRequest.of(receipt, ADA).values(Map.of("order", "7")))
                .outcome()).as("transactional mail needs no marketing consent").isEqualTo(SendOutcome.SENT);
    }

    @Test
    void doubleOptInSendsTheConfirmationLinkAndFollowingItSubscribes() {
        OptIn optIn = mail.email().requestOptIn(OptInRequest.of(ADA, "newsletter box").confirmation(confirm)
                .zone(ZoneId.of("Europe/Berlin")));
        assertThat(optIn.expiresAt()).isEqualTo(START.plus(Duration.ofDays(7)));
        EmailMessage confirmation = outbox.sent().get(0);
        assertThat(confirmation.html()).as("escaped for HTML: '=' as &#x3D;, which browsers read back")
                .contains("href=\"https://shop.example/email/confirm?token&#x3D;" + optIn.token() + "\"");
        assertThat(confirmation.text()).isEqualTo("Confirm: " + optIn.confirmUrl());
        assertThat(mail.email().recipient(ADA).orElseThrow().status()).isEqualTo(ConsentStatus.PENDING);

        clock.advance(Duration.ofDays(1));
        Crm anonymous = Crm.builder().storage(storage()).clock(clock).with(SETTINGS).with(outbox).build();
        var confirmed = anonymous.email().confirmOptIn(tokenOf(confirmation.text()));
        assertThat(confirmed.status()).isEqualTo(ConsentStatus.SUBSCRIBED);
        assertThat(confirmed.basis()).isEqualTo(LawfulBasis.CONSENT);
        assertThat(confirmed.zone()).isEqualTo(ZoneId.of("Europe/Berlin"));
        assertThat(anonymous.email().confirmOptIn(optIn.token()).status()).as("following it again")
                .isEqualTo(ConsentStatus.SUBSCRIBED);
        assertThat(sendNews(ADA).outcome()).isEqualTo(SendOutcome.SENT);
    }

    @Test
    void anExpiredOrReplacedConfirmationLinkIsRefused() {
        OptIn first = mail.email().requestOptIn(OptInRequest.of(ADA, "form"));
        OptIn second = mail.email().requestOptIn(OptInRequest.of(ADA, "form"));
        assertThatThrownBy(() -> mail.email().confirmOptIn(first.token()))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.hasErrorFor("token")).isTrue());
        clock.advance(Duration.ofDays(7));
        assertThatThrownBy(() -> mail.email().confirmOptIn(second.token()))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.getMessage()).contains("expired"));
        assertThat(mail.email().recipient(ADA).orElseThrow().status()).isEqualTo(ConsentStatus.PENDING);
    }

    @Test
    void theUnsubscribeLinkWorksWithoutLoginAndStopsMarketingMail() {
        subscribe(ADA);
        sendNews(ADA);
        EmailMessage m = outbox.sent().get(0);
        String url = mail.email().unsubscribeUrl(ADA);
        assertThat(m.header("List-Unsubscribe")).isEqualTo("<" + url + ">");
        assertThat(m.header("List-Unsubscribe-Post")).isEqualTo("List-Unsubscribe=One-Click");
        assertThat(m.text()).contains(url);
        assertThat(url).startsWith("https://shop.example/email/unsubscribe?token=");

        Crm anonymous = Crm.builder().storage(storage()).clock(clock).with(SETTINGS).build();
        var after = anonymous.email().unsubscribe(tokenOf(url));
        assertThat(after.status()).isEqualTo(ConsentStatus.UNSUBSCRIBED);
        assertThat(after.suppressed()).isEqualTo(SuppressionReason.UNSUBSCRIBED);
        assertThat(anonymous.email().unsubscribe(tokenOf(url)).version()).as("again: no change")
                .isEqualTo(after.version());
        assertThat(sendNews(ADA).outcome()).isEqualTo(SendOutcome.SUPPRESSED);
        assertThat(mail.email().suppressions(PageRequest.first(10)).items()).extracting(r -> r.email().value())
                .containsExactly(ADA);
    }

    @Test
    void aForgedTamperedOrForeignTokenIsRefused() {
        String token = tokenOf(mail.email().unsubscribeUrl(ADA));
        String[] parts = token.split("\\.");
        String otherAddress = tokenOf(mail.email().unsubscribeUrl("eve@example.com")).split("\\.")[0];
        EmailSettings otherKey = EmailSettings.of("news@shop.example", "another-key-0123456789abcdef",
                "https://shop.example/email");
        Crm keyed = crmWith(otherKey, outbox);
        for (String bad : List.of(parts[0] + "." + parts[1].substring(1), otherAddress + "." + parts[1], "x.y",
                "", "no-dot", token + "." + parts[1])) {
            assertThatThrownBy(() -> mail.email().unsubscribe(bad)).as(bad)
                    .isInstanceOfSatisfying(ValidationException.class,
                            e -> assertThat(e.hasErrorFor("token")).isTrue());
        }
        assertThatThrownBy(() -> keyed.email().unsubscribe(token)).isInstanceOf(ValidationException.class);
        OptIn optIn = mail.email().requestOptIn(OptInRequest.of(ADA, "form"));
        assertThatThrownBy(() -> mail.email().unsubscribe(optIn.token())).as("a confirmation token")
                .isInstanceOf(ValidationException.class);
        assertThat(mail.email().recipient(ADA).orElseThrow().status()).isEqualTo(ConsentStatus.PENDING);
    }

    @Test
    void bouncedAndComplainingAddressesAreSuppressedAndAConsentGrantLiftsOnlyAnUnsubscribe() {
        subscribe(ADA);
        subscribe("bob@example.com");
        mail.email().suppress(ADA, SuppressionReason.BOUNCED, "bounce feed");
        clock.advance(Duration.ofMinutes(1));
        mail.email().suppress("bob@example.com", SuppressionReason.COMPLAINED, "feedback loop");
        assertThat(sendNews(ADA).outcome()).isEqualTo(SendOutcome.SUPPRESSED);
        assertThat(sendNews("bob@example.com").outcome()).isEqualTo(SendOutcome.SUPPRESSED);
        assertThat(mail.email().suppressions(PageRequest.first(10)).items())
                .extracting(r -> r.email().value(), r -> r.suppressed())
                .containsExactly(tuple("bob@example.com", SuppressionReason.COMPLAINED),
                        tuple(ADA, SuppressionReason.BOUNCED));
        subscribe(ADA);
        assertThat(sendNews(ADA).outcome()).as("a bounce stays").isEqualTo(SendOutcome.SUPPRESSED);

        subscribe("carol@example.com");
        mail.email().withdrawConsent("carol@example.com", "phone call");
        assertThat(sendNews("carol@example.com").outcome()).isEqualTo(SendOutcome.SUPPRESSED);
        subscribe("carol@example.com");
        assertThat(sendNews("carol@example.com").outcome()).isEqualTo(SendOutcome.SENT);
    }

    @Test
    void everyConsentChangeIsRecordedWithTimeSourceAndBasis() {
        OptIn optIn = mail.email().requestOptIn(OptInRequest.of(ADA, "newsletter box"));
        clock.advance(Duration.ofHours(1));
        mail.email().confirmOptIn(optIn.token());
        clock.advance(Duration.ofHours(1));
        mail.email().unsubscribe(tokenOf(mail.email().unsubscribeUrl(ADA)));
        clock.advance(Duration.ofHours(1));
        mail.email().grantConsent(ADA, LawfulBasis.CONTRACT, "order 17");
        clock.advance(Duration.ofHours(1));
        mail.email().suppress(ADA, SuppressionReason.COMPLAINED, "feedback loop");

        List<ConsentChange> log = mail.email().consentHistory(" Ada@Example.com ");
        assertThat(log).extracting(ConsentChange::action).containsExactly(ConsentAction.OPT_IN_REQUESTED,
                ConsentAction.OPT_IN_CONFIRMED, ConsentAction.UNSUBSCRIBED, ConsentAction.GRANTED,
                ConsentAction.COMPLAINED);
        assertThat(log).extracting(ConsentChange::source).containsExactly("newsletter box", "confirmation link",
                "unsubscribe link", "order 17", "feedback loop");
        assertThat(log).extracting(ConsentChange::basis).containsExactly(LawfulBasis.CONSENT, LawfulBasis.CONSENT,
                null, LawfulBasis.CONTRACT, null);
        assertThat(log).extracting(ConsentChange::at).containsExactly(START, START.plus(Duration.ofHours(1)),
                START.plus(Duration.ofHours(2)), START.plus(Duration.ofHours(3)), START.plus(Duration.ofHours(4)));
        assertThat(mail.email().consentHistory("eve@example.com")).isEmpty();
        assertThatThrownBy(() -> mail.email().grantConsent(ADA, null, " "))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.hasErrorFor("basis")).isTrue();
                    assertThat(e.hasErrorFor("source")).isTrue();
                });
        assertThat(mail.email().consentHistory(ADA)).hasSize(5);
    }

    // ---- cap, quiet hours

    @Test
    void theWeeklyCapRefusesMoreMarketingMailUntilAWeekHasPassed() {
        subscribe(ADA);
        for (int i = 0; i < 3; i++) {
            assertThat(sendNews(ADA).outcome()).isEqualTo(SendOutcome.SENT);
            clock.advance(Duration.ofHours(1));
        }
        assertThat(sendNews(ADA).outcome()).isEqualTo(SendOutcome.FREQUENCY_CAPPED);
        mail.email().sendTransactional(EmailRequest.of(receipt, ADA).values(Map.of("order", "1")));
        clock.set(START.plus(Duration.ofDays(7)));
        assertThat(sendNews(ADA).outcome()).as("the first one is a week old").isEqualTo(SendOutcome.SENT);
        assertThat(sendNews(ADA).outcome()).isEqualTo(SendOutcome.FREQUENCY_CAPPED);
        assertThat(outbox.sentTo(ADA)).hasSize(5);
    }

    @Test
    void queuedEmailsGoOutAfterTheirWriteInRequestOrderAndTheSecondToAnAddressCountsTheFirstForTheCap() {
        Crm capped = crmWith(SETTINGS.weeklyCap(1), outbox);
        LeadId lead = crm.leads().capture(NewLead.of("Ada", "Lovelace", ADA));
        subscribe(ADA);
        subscribe("bob@example.com");
        List<SendResult> results = capped.email().queueMarketing(List.of(
                EmailRequest.of(news, ADA).values(Map.of("firstName", "Ada")).lead(lead),
                EmailRequest.of(news, "bob@example.com").values(Map.of("firstName", "Bob")),
                EmailRequest.of(news, ADA).values(Map.of("firstName", "Ada")),
                EmailRequest.of(news, "cy@example.com").values(Map.of("firstName", "Cy"))));

        assertThat(results).extracting(SendResult::outcome).containsExactly(SendOutcome.QUEUED, SendOutcome.QUEUED,
                SendOutcome.FREQUENCY_CAPPED, SendOutcome.NO_CONSENT);
        assertThat(outbox.sent()).extracting(m -> m.to().value()).containsExactly(ADA, "bob@example.com");
        assertThat(capped.email().sentEmail(results.get(0).email()).status()).isEqualTo(SentEmailStatus.SENT);
        assertThat(crm.tracking().touchpointsOfLead(lead)).extracting(Touchpoint::kind)
                .containsExactly(TouchpointKind.EMAIL_SENT);
        assertThat(capped.email().sendDue()).as("nothing left behind").isZero();
        assertThat(capped.email().queueMarketing(EmailRequest.of(news, "bob@example.com")
                .values(Map.of("firstName", "Bob"))).outcome()).isEqualTo(SendOutcome.FREQUENCY_CAPPED);
    }

    @Test
    void aBadRequestAmongQueuedOnesIsNamedByItsPlaceAndNothingIsStoredOrSent() {
        subscribe(ADA);
        assertThatThrownBy(() -> mail.email().queueMarketing(List.of(
                EmailRequest.of(news, ADA).values(Map.of("firstName", "Ada")),
                EmailRequest.of(news, "not an address"))))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.hasErrorFor("requests[1].to")).isTrue());
        assertThatThrownBy(() -> mail.email().queueMarketing(List.of(
                EmailRequest.of(news, ADA).values(Map.of("firstName", "Ada")),
                EmailRequest.of(receipt, ADA).values(Map.of("order", "1")))))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.hasErrorFor("requests[1].template")).isTrue());
        assertThat(outbox.sent()).isEmpty();
        assertThat(mail.email().sendDue()).as("nothing stored to send later").isZero();
    }

    @Test
    void quietHoursInTheRecipientsZoneDeferMarketingMailAndSendDueSendsItThen() {
        // 13:00 UTC is 22:00 in Tokyo: quiet hours there, not in UTC.
        clock.set(START.plus(Duration.ofHours(4)));
        mail.email().requestOptIn(OptInRequest.of(ADA, "form").zone(ZoneId.of("Asia/Tokyo")));
        mail.email().confirmOptIn(tokenOf(mail.email().requestOptIn(OptInRequest.of(ADA, "form")).confirmUrl()));
        subscribe("bob@example.com");

        SendResult held = sendNews(ADA);
        assertThat(held.outcome()).isEqualTo(SendOutcome.DEFERRED);
        assertThat(held.dueAt()).as("08:00 next morning in Tokyo").isEqualTo(START.plus(Duration.ofHours(14)));
        assertThat(sendNews("bob@example.com").outcome()).as("13:00 in UTC is no quiet hour")
                .isEqualTo(SendOutcome.SENT);
        assertThat(outbox.sentTo(ADA)).isEmpty();

        assertThat(mail.email().sendDue()).isZero();
        clock.set(held.dueAt());
        assertThat(mail.email().sendDue()).isEqualTo(1);
        assertThat(mail.email().sendDue()).as("once").isZero();
        assertThat(outbox.sentTo(ADA)).singleElement().satisfies(m -> {
            assertThat(m.subject()).isEqualTo("News for Ada");
            assertThat(m.header("List-Unsubscribe")).isNotNull();
        });
        assertThat(mail.email().sentEmail(held.email()).status()).isEqualTo(SentEmailStatus.SENT);
        assertThat(mail.email().sentEmail(held.email()).sentAt()).isEqualTo(held.dueAt());
    }

    @Test
    void aHeldEmailIsCancelledWhenConsentIsWithdrawnBeforeItIsDue() {
        clock.set(START.plus(Duration.ofHours(13)));   // 22:00 UTC
        subscribe(ADA);
        SendResult held = sendNews(ADA);
        assertThat(held.outcome()).isEqualTo(SendOutcome.DEFERRED);
        mail.email().unsubscribe(tokenOf(mail.email().unsubscribeUrl(ADA)));
        clock.set(held.dueAt());
        assertThat(mail.email().sendDue()).isZero();
        assertThat(mail.email().sentEmail(held.email()).status()).isEqualTo(SentEmailStatus.CANCELLED);
        assertThat(outbox.sent()).isEmpty();
    }

    @Test
    void twoSchedulersRunningSendDueAtOnceSendAHeldEmailOnce() throws Exception {
        clock.set(START.plus(Duration.ofHours(13)));   // 22:00 UTC
        subscribe(ADA);
        SendResult held = sendNews(ADA);
        clock.set(held.dueAt());
        List<EmailMessage> delivered = new java.util.concurrent.CopyOnWriteArrayList<>();
        EmailSender slow = m -> {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            delivered.add(m);
        };
        Crm nodeA = crmWith(SETTINGS, slow);
        Crm nodeB = crmWith(SETTINGS, slow);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            java.util.concurrent.Future<Integer> a = pool.submit(() -> nodeA.email().sendDue());
            java.util.concurrent.Future<Integer> b = pool.submit(() -> nodeB.email().sendDue());
            assertThat(a.get(30, java.util.concurrent.TimeUnit.SECONDS)
                    + b.get(30, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(delivered).hasSize(1);
        assertThat(mail.email().sentEmail(held.email()).status()).isEqualTo(SentEmailStatus.SENT);
    }

    // ---- bad input

    @Test
    void badInputIsRefusedNamingEveryFieldAndNothingIsStored() {
        String longName = "n".repeat(EmailLimits.NAME + 1);
        assertThatThrownBy(() -> mail.email().createTemplate(new NewEmailTemplate(longName, null, "a\u0000b",
                " ", null, null)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).contains("name", "kind", "subject", "html"));
        assertThatThrownBy(() -> mail.email().requestOptIn(OptInRequest.of("not an address", "x".repeat(201))))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("email", "source"));
        assertThatThrownBy(() -> mail.email().suppress(ADA, null, "line\nbreak"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("reason", "source"));
        assertThatThrownBy(() -> mail.email().sendTransactional(EmailRequest.of(receipt, ADA)
                .values(Map.of("order", "1\n2"))))
                .as("a line break merged into the subject")
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.hasErrorFor("values")).isTrue());
        assertThatThrownBy(() -> mail.email().sendTransactional(EmailRequest.of(EmailTemplateId.of(
                java.util.UUID.randomUUID()), ADA))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> mail.email().recordClick(dev.crmkit.core.email.SentEmailId.of(
                java.util.UUID.randomUUID()), "https://x.example")).isInstanceOf(NotFoundException.class);
        assertThat(mail.email().templates()).hasSize(3);
        assertThat(mail.email().recipient(ADA)).isEmpty();
        assertThat(mail.email().consentHistory(ADA)).isEmpty();
        assertThat(outbox.sent()).isEmpty();
    }

    // ---- touchpoints, failures

    @Test
    void sentEmailsAndClicksBecomeTouchpointsOfTheLead() {
        LeadId lead = crm.leads().capture(NewLead.of("Ada", "Lovelace", ADA));
        subscribe(ADA);
        SendResult r = mail.email().sendMarketing(EmailRequest.of(news, ADA).values(Map.of("firstName", "Ada"))
                .lead(lead));
        clock.advance(Duration.ofMinutes(5));
        assertThat(mail.email().recordClick(r.email(), "https://shop.example/offer")).isTrue();
        assertThat(crm.tracking().touchpointsOfLead(lead)).extracting(Touchpoint::kind, Touchpoint::detail)
                .containsExactly(tuple(TouchpointKind.EMAIL_SENT, "News for Ada"),
                        tuple(TouchpointKind.EMAIL_CLICK, "https://shop.example/offer"));
        assertThat(outbox.sent().get(0).header("X-CRMKit-Email-Id")).isEqualTo(r.email().toString());
    }

    @Test
    void aFailingSenderStoresNothing() {
        LeadId lead = crm.leads().capture(NewLead.of("Ada", "Lovelace", ADA));
        subscribe(ADA);
        outbox.failWith(new EmailSendException("connection refused", false));
        assertThatThrownBy(() -> mail.email().sendMarketing(EmailRequest.of(news, ADA)
                .values(Map.of("firstName", "Ada")).lead(lead))).isInstanceOf(EmailSendException.class);
        assertThatThrownBy(() -> mail.email().requestOptIn(OptInRequest.of("bob@example.com", "form")
                .confirmation(confirm))).isInstanceOf(EmailSendException.class);
        assertThat(crm.tracking().touchpointsOfLead(lead)).isEmpty();
        assertThat(mail.email().recipient("bob@example.com")).isEmpty();
        assertThat(mail.email().consentHistory("bob@example.com")).isEmpty();
        outbox.failWith(null);
        for (int i = 0; i < 3; i++) {
            assertThat(sendNews(ADA).outcome()).as("failed sends do not count for the cap")
                    .isEqualTo(SendOutcome.SENT);
        }
    }
}
