package dev.crmkit.core.email;

import dev.crmkit.core.common.Actor;
import dev.crmkit.core.common.ConcurrentUpdateException;
import dev.crmkit.core.common.EmailAddress;
import dev.crmkit.core.common.LawfulBasis;
import dev.crmkit.core.common.Page;
import dev.crmkit.core.common.PageRequest;
import dev.crmkit.core.common.TenantId;
import dev.crmkit.core.common.Text;
import dev.crmkit.core.common.UserId;
import dev.crmkit.core.common.Validation;
import dev.crmkit.core.common.ValidationException;
import dev.crmkit.core.consent.ConsentPurpose;
import dev.crmkit.core.consent.ConsentRecord;
import dev.crmkit.core.context.CrmContext;
import dev.crmkit.core.customer.Contact;
import dev.crmkit.core.lead.Lead;
import dev.crmkit.core.lead.LeadStatus;
import dev.crmkit.core.lead.PersonConsent;
import dev.crmkit.core.tracking.TrackedActivity;
import dev.crmkit.core.tracking.TrackingService;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;

/**
 * Email of the actor's tenant: templates, consent, and sending through the host's {@link EmailSender} with the
 * {@link EmailSettings} given to the builder.
 *
 * <p><b>Marketing</b> email ({@link #sendMarketing}) goes only to an address that is {@link ConsentStatus#SUBSCRIBED}
 * (double opt-in, or consent recorded on a lawful basis) and not suppressed, at most {@code weeklyCap} times in any
 * 7 days, and never in the recipient's quiet hours: then it is held and {@link #sendDue()} sends it later. Every
 * marketing message carries a signed unsubscribe link ({@code {{unsubscribeUrl}}}, and the {@code List-Unsubscribe}
 * headers for one-click unsubscribe) that {@link #unsubscribe(String)} honours without login.
 * <b>Transactional</b> email ({@link #sendTransactional}) answers something the recipient did and skips those checks.
 *
 * <p>Every consent change is kept ({@link #consentHistory}) with its time, source and lawful basis. Sent emails and
 * recorded clicks of a lead or contact become {@code EMAIL_SENT} and {@code EMAIL_CLICK} touchpoints. A message is
 * handed to the sender last in its write: when the sender fails, nothing of the send is stored.
 */
public final class EmailService {
    /** The window of the frequency cap. */
    static final Duration WEEK = Duration.ofDays(7);
    /** Deferred emails {@link #sendDue()} reads per round. */
    private static final int DUE_BATCH = 100;

    private final CrmContext<? extends EmailTx> ctx;
    private final TrackingService tracking;

    /** Created by {@code Crm}; hosts obtain it from the facade. */
    public EmailService(CrmContext<? extends EmailTx> ctx) {
        this.ctx = Objects.requireNonNull(ctx, "ctx");
        this.tracking = new TrackingService(ctx);
    }

    // ---- templates -----------------------------------------------------------------------------------------------

    /**
     * Stores a template (MANAGER role). A blank or over-long name or subject, a body that is not a valid template, a
     * merge field that is neither standard nor declared, or a marketing template without {@code {{unsubscribeUrl}}}
     * are reported together in one {@link ValidationException} naming {@code name}, {@code subject}, {@code html},
     * {@code text} or {@code fields}; nothing is stored.
     */
    public EmailTemplateId createTemplate(NewEmailTemplate template) {
        ctx.actor().require(Actor.MANAGER, "create email templates");
        NewEmailTemplate t = Validation.argument("template", template);
        Validation v = new Validation();
        String name = requireText(v, "name", t.name(), EmailLimits.NAME);
        v.check(t.kind() != null, "kind", "is required");
        EmailKind kind = t.kind() != null ? t.kind() : EmailKind.TRANSACTIONAL;
        v.check(t.fields().size() <= EmailLimits.FIELDS, "fields", "must be at most " + EmailLimits.FIELDS);
        Set<String> custom = new TreeSet<>();
        Set<String> reserved = MergeFields.known(EmailKind.MARKETING, MergeFields.known(EmailKind.TRANSACTIONAL,
                Set.of()));
        for (String field : t.fields()) {
            if (v.check(MergeFields.validName(field), "fields", "'" + field
                    + "' is not a field name (a letter, then letters, digits or '_'; at most " + EmailLimits.FIELD
                    + ")") && v.check(!reserved.contains(field), "fields", "'" + field + "' is a standard field")) {
                custom.add(field);
            }
        }
        Set<String> known = MergeFields.known(kind, custom);
        String subject = requireText(v, "subject", t.subject(), EmailLimits.SUBJECT);
        String html = v.requireMultiLine("html", t.html(), EmailLimits.BODY);
        String text = Text.blankToNull(t.text());
        v.multiLine("text", text, EmailLimits.BODY);
        MergeFields.check(v, "subject", subject, false, known);
        Set<String> inHtml = MergeFields.check(v, "html", html, true, known);
        Set<String> inText = MergeFields.check(v, "text", text, false, known);
        if (kind == EmailKind.MARKETING) {
            v.check(inHtml == null || html == null || inHtml.contains(MergeFields.UNSUBSCRIBE_URL), "html",
                    "must link {{unsubscribeUrl}} in a marketing template");
            v.check(inText == null || text == null || inText.contains(MergeFields.UNSUBSCRIBE_URL), "text",
                    "must show {{unsubscribeUrl}} in a marketing template");
        }
        v.throwIfInvalid();
        Instant now = ctx.now();
        return ctx.write(tx -> tx.emailTemplates().save(new EmailTemplate(EmailTemplateId.of(ctx.newId()), 0,
                Validation.checked(name), kind, Validation.checked(subject), Validation.checked(html), text, custom,
                now, now)).id());
    }

    /** The template, or {@code NotFoundException}. */
    public EmailTemplate template(EmailTemplateId id) {
        Validation.argument("id", id);
        return ctx.read(tx -> tx.emailTemplates().get(id));
    }

    /** The tenant's templates, by name. */
    public List<EmailTemplate> templates() {
        return ctx.read(tx -> tx.emailTemplates().list());
    }

    // ---- consent -------------------------------------------------------------------------------------------------

    /**
     * Starts a double opt-in: records the request and returns the confirmation link, valid for the settings'
     * {@code optInTtl}; sends it with {@code request.confirmation()} when that names a transactional template. The
     * address gets no marketing email until the link is followed ({@link #confirmOptIn}); a subscribed address
     * stays subscribed meanwhile.
     */
    public OptIn requestOptIn(OptInRequest request) {
        OptInRequest r = Validation.argument("request", request);
        EmailSettings s = settings();
        Validation v = new Validation();
        EmailAddress given = address(v, "email", r.email());
        String from = source(v, r.source());
        v.throwIfInvalid();
        EmailAddress email = Validation.checked(given);
        String source = Validation.checked(from);
        Instant now = ctx.now();
        Instant expires = now.plus(s.optInTtl()).truncatedTo(ChronoUnit.SECONDS);
        String nonce = EmailTokens.nonce();
        String token = EmailTokens.sign(s.signingKey(), EmailTokens.CONFIRM, ctx.actor().tenant(), email,
                expires.getEpochSecond(), nonce);
        String url = s.linkBase() + "/confirm?token=" + token;
        return ctx.write(tx -> {
            EmailRecipient recipient = recipientFor(tx, email, now);
            tx.emailRecipients().save(recipient.optInRequested(EmailTokens.hash(nonce), expires, r.zone(), now));
            record(tx, email, ConsentAction.OPT_IN_REQUESTED, LawfulBasis.CONSENT, source, now);
            if (r.confirmation() != null) {
                EmailTemplate t = template(tx, r.confirmation(), EmailKind.TRANSACTIONAL, "confirmation");
                deliver(tx, s, t, email, EmailRequest.of(t.id(), email.value()),
                        Map.of(MergeFields.CONFIRM_URL, url), now);
            }
            return new OptIn(token, url, expires);
        });
    }

    /**
     * Confirms the opt-in a confirmation link carries; needs no login (the token names its tenant, whatever this
     * facade's actor). A forged, expired or replaced link is a {@link ValidationException} on {@code token}; following
     * the link again after it confirmed changes nothing.
     */
    public EmailRecipient confirmOptIn(String token) {
        EmailTokens.Token t = EmailTokens.verify(settings().signingKey(), EmailTokens.CONFIRM, token);
        CrmContext<? extends EmailTx> system = systemOf(t.tenant());
        Instant now = system.now();
        if (!now.isBefore(Instant.ofEpochSecond(t.expires()))) {
            throw new ValidationException("token", "has expired; ask for a new confirmation link");
        }
        String nonce = EmailTokens.hash(t.nonce());
        return system.write(tx -> {
            EmailRecipient recipient = tx.emailRecipients().findByEmail(t.email()).orElse(null);
            if (recipient != null && nonce.equals(recipient.optInNonce())) {
                return changed(tx, recipient.subscribed(LawfulBasis.CONSENT, null, now),
                        ConsentAction.OPT_IN_CONFIRMED, LawfulBasis.CONSENT, "confirmation link", now, UserId.SYSTEM);
            }
            if (recipient != null && recipient.status() == ConsentStatus.SUBSCRIBED
                    && recipient.optInNonce() == null) {
                return recipient;
            }
            throw new ValidationException("token", "is no longer valid; ask for a new confirmation link");
        });
    }

    /**
     * Records consent given outside double opt-in (a signed form, a contract) on {@code basis}, from
     * {@code source}: the address is subscribed, and an unsubscribe suppression lifts (bounces and complaints stay).
     */
    public EmailRecipient grantConsent(String email, LawfulBasis basis, String source) {
        return change(email, source, "basis", basis, (tx, address, from, now) -> changed(tx,
                recipientFor(tx, address, now).subscribed(basis, null, now), ConsentAction.GRANTED, basis, from, now));
    }

    /**
     * Withdraws consent for the address an unsubscribe link carries; needs no login (the token names its tenant).
     * A forged token is a {@link ValidationException} on {@code token}; unsubscribing again changes nothing.
     */
    public EmailRecipient unsubscribe(String token) {
        EmailTokens.Token t = EmailTokens.verify(settings().signingKey(), EmailTokens.UNSUBSCRIBE, token);
        CrmContext<? extends EmailTx> system = systemOf(t.tenant());
        Instant now = system.now();
        return system.write(tx -> withdraw(tx, t.email(), "unsubscribe link", now, UserId.SYSTEM));
    }

    /** Withdraws the address's consent on the person's request, from {@code source}. */
    public EmailRecipient withdrawConsent(String email, String source) {
        return change(email, source, null, null, this::withdraw);
    }

    /**
     * Puts the address on the suppression list for {@code reason} (a bounce or complaint feed; {@code UNSUBSCRIBED}
     * is {@link #withdrawConsent}). No marketing email goes to it again until an administrator's consent grant or a
     * confirmed opt-in, which lift an unsubscribe only.
     */
    public EmailRecipient suppress(String email, SuppressionReason reason, String source) {
        return change(email, source, "reason", reason, (tx, address, from, now) -> reason
                == SuppressionReason.UNSUBSCRIBED ? withdraw(tx, address, from, now)
                : changed(tx, recipientFor(tx, address, now).suppress(reason, now),
                        reason == SuppressionReason.BOUNCED ? ConsentAction.BOUNCED : ConsentAction.COMPLAINED, null,
                        from, now));
    }

    /** Where the address stands, if anything was ever recorded for it. */
    public Optional<EmailRecipient> recipient(String email) {
        EmailAddress address = EmailAddress.of(Validation.argument("email", email));
        return ctx.read(tx -> tx.emailRecipients().findByEmail(address));
    }

    /** Every consent change of the address, oldest first. */
    public List<ConsentChange> consentHistory(String email) {
        EmailAddress address = EmailAddress.of(Validation.argument("email", email));
        return ctx.read(tx -> tx.emailRecipients().changes(address));
    }

    /** The suppression list, the last suppressed first. */
    public Page<EmailRecipient> suppressions(PageRequest page) {
        Validation.argument("page", page);
        return ctx.read(tx -> tx.emailRecipients().suppressed(page));
    }

    /** The signed unsubscribe link of {@code email} in this tenant, as marketing messages carry it. */
    public String unsubscribeUrl(String email) {
        return unsubscribeUrl(settings(), ctx.actor().tenant(), EmailAddress.of(Validation.argument("email", email)));
    }

    // ---- sending -------------------------------------------------------------------------------------------------

    /**
     * Sends a marketing email from a marketing template if consent, suppression list, weekly cap and quiet hours
     * allow (in that order); {@link SendResult#outcome()} says what happened. A refused send stores nothing.
     * Missing merge values ({@code values.firstName}), an unknown address or template, or a transactional template
     * are a {@link ValidationException}; a failing sender an {@link EmailSendException}; nothing is stored then.
     */
    public SendResult sendMarketing(EmailRequest request) {
        return send(request, EmailKind.MARKETING);
    }

    /**
     * Checks and stores a marketing email like {@link #sendMarketing}, but hands it to the sender only after the write
     * this call joins has committed ({@link SendOutcome#QUEUED}; its own write when called outside one), each in a
     * small write of its own: a caller sending many in one transaction, as the nurture steps do, never sends the
     * email of a rolled-back write, and a crash resends at most the one in flight. An email a crash or a failing
     * sender left behind goes out with the next {@link #sendDue()}; one the sender refuses for good is cancelled.
     * Its {@code EMAIL_SENT} touchpoint is recorded in the caller's write.
     */
    public SendResult queueMarketing(EmailRequest request) {
        return queue(List.of(Validation.argument("request", request)), false).get(0);
    }

    /**
     * {@link #queueMarketing(EmailRequest)} for many requests in one write: the checks read storage once for all of
     * them, and a second email to one address counts the first against the weekly cap. The results are in the order
     * of the requests; a bad request is a {@link ValidationException} naming {@code requests[i].field}, and nothing
     * is stored.
     */
    public List<SendResult> queueMarketing(List<EmailRequest> requests) {
        return queue(Validation.argument("requests", requests), true);
    }

    /** Sends a transactional email from a transactional template at once, without the marketing checks. */
    public SendResult sendTransactional(EmailRequest request) {
        return send(request, EmailKind.TRANSACTIONAL);
    }

    /**
     * Sends the held marketing emails whose time has come (call from the host's schedule, per tenant), checking
     * consent, suppression list and weekly cap again: one that no longer passes is cancelled. Returns how many went
     * out. Stops at the first sender failure that may pass (the rest wait for the next call); a permanent one
     * cancels that email.
     */
    public int sendDue() {
        EmailSettings s = settings();
        int sent = 0;
        while (true) {
            List<SentEmail> due = ctx.read(tx -> tx.sentEmails().due(ctx.now(), DUE_BATCH));
            for (SentEmail held : due) {
                try {
                    sent += ctx.write(tx -> sendHeld(tx, s, held)) ? 1 : 0;
                } catch (ConcurrentUpdateException e) {
                    // Another node sent or cancelled it meanwhile.
                } catch (EmailSendException e) {
                    if (!e.permanent()) {
                        return sent;
                    }
                    cancel(held, "the sender refused it: " + e.getMessage());
                } catch (ValidationException e) {
                    // Its lead or contact is gone: the touchpoint cannot be recorded.
                    cancel(held, e.getMessage());
                }
            }
            if (due.size() < DUE_BATCH) {
                return sent;
            }
        }
    }

    private void cancel(SentEmail held, String why) {
        ctx.write(tx -> tx.sentEmails().save(tx.sentEmails().current(held).cancelled(
                why.length() > EmailLimits.REASON ? why.substring(0, EmailLimits.REASON) : why)));
    }

    /**
     * How the external event ids of the click touchpoints {@link #recordClick} records on {@code email} begin: what
     * tells which email a click was on (nurture branches and statistics read it).
     */
    public static String clickEventPrefix(SentEmailId email) {
        return "email-click:" + email + ":";
    }

    /**
     * Records a click on a link of a sent email as an {@code EMAIL_CLICK} touchpoint of its lead or contact; false
     * when the email was for neither. An unknown email is {@code NotFoundException}.
     */
    public boolean recordClick(SentEmailId email, String url) {
        Validation.argument("email", email);
        Validation v = new Validation();
        String link = requireText(v, "url", url, EmailLimits.URL);
        v.throwIfInvalid();
        return ctx.write(tx -> {
            SentEmail sent = tx.sentEmails().get(email);
            if (sent.lead() == null && sent.contact() == null) {
                return false;
            }
            return tracking.record(new TrackedActivity.EmailClick(clickEventPrefix(email) + ctx.newId(), ctx.now(),
                    sent.lead(), sent.contact(), null, null, Validation.checked(link)));
        });
    }

    /** A sent or held email, or {@code NotFoundException}. */
    public SentEmail sentEmail(SentEmailId id) {
        Validation.argument("id", id);
        return ctx.read(tx -> tx.sentEmails().get(id));
    }

    // ---- the steps -----------------------------------------------------------------------------------------------

    private SendResult send(EmailRequest request, EmailKind kind) {
        EmailRequest r = Validation.argument("request", request);
        EmailSettings s = settings();
        Validation v = new Validation();
        EmailAddress given = checked(r, v);
        v.throwIfInvalid();
        EmailAddress to = Validation.checked(given);
        return ctx.write(tx -> {
            EmailTemplate t = template(tx, r.template(), kind, "template");
            Instant now = ctx.now();
            if (kind == EmailKind.TRANSACTIONAL) {
                return deliver(tx, s, t, to, r, Map.of(), now);
            }
            Optional<EmailRecipient> recipient = tx.emailRecipients().findByEmail(to);
            SendOutcome refused = refusal(s, recipient.orElse(null),
                    () -> tx.sentEmails().countSent(to, EmailKind.MARKETING, now.minus(WEEK)));
            if (refused != null) {
                return SendResult.refused(refused);
            }
            Instant due = s.quietHours().nextAllowed(now, recipient.map(EmailRecipient::zone)
                    .orElse(s.defaultZone()));
            if (!due.isAfter(now)) {
                return deliver(tx, s, t, to, r, Map.of(), now);
            }
            SentEmail held = tx.sentEmails().save(rendered(s, t, to, r, Map.of(), now, SentEmailStatus.DEFERRED, due));
            return new SendResult(SendOutcome.DEFERRED, held.id(), held.dueAt());
        });
    }

    /** The fields the service fills; a request may not give them. */
    private static final Set<String> SERVICE_FIELDS = Set.of(MergeFields.EMAIL, MergeFields.UNSUBSCRIBE_URL,
            MergeFields.CONFIRM_URL);

    /** The address of a request, its template and values checked; problems go to {@code v}. */
    private static @Nullable EmailAddress checked(EmailRequest r, Validation v) {
        EmailAddress to = address(v, "to", r.to());
        v.check(r.template() != null, "template", "is required");
        for (Map.Entry<String, String> e : r.values().entrySet()) {
            String key = e.getKey();
            if (v.check(key != null && MergeFields.validName(key), "values", "'" + key + "' is not a field name")) {
                v.check(!SERVICE_FIELDS.contains(key), "values." + key, "is filled by the email service");
                v.multiLine("values." + key, e.getValue(), EmailLimits.VALUE);
            }
        }
        return to;
    }

    /**
     * Why no marketing email may go to the recipient now, or null when it may; {@code sentThisWeek} is asked only
     * when consent allows.
     */
    private static @Nullable SendOutcome refusal(EmailSettings s, @Nullable EmailRecipient recipient,
                                                 LongSupplier sentThisWeek) {
        if (recipient != null && recipient.suppressed() != null) {
            return SendOutcome.SUPPRESSED;
        }
        if (recipient == null || !recipient.marketable()) {
            return SendOutcome.NO_CONSENT;
        }
        if (sentThisWeek.getAsLong() >= s.weeklyCap()) {
            return SendOutcome.FREQUENCY_CAPPED;
        }
        return null;
    }

    /** Renders, stores as sent, records the touchpoint, and hands the message to the sender last. */
    private SendResult deliver(EmailTx tx, EmailSettings s, EmailTemplate t, EmailAddress to, EmailRequest r,
                               Map<String, String> own, Instant now) {
        SentEmail sent = tx.sentEmails().save(rendered(s, t, to, r, own, now, SentEmailStatus.SENT, null));
        handOn(s, sent, now);
        return new SendResult(SendOutcome.SENT, sent.id(), null);
    }

    /**
     * Checks and stores the marketing emails of {@code requests} in one write: due now, held until it commits, with
     * their touchpoints; then sends each in a small write of its own. {@code batch}: errors are named per request.
     */
    private List<SendResult> queue(List<EmailRequest> requests, boolean batch) {
        EmailSettings s = settings();
        Validation v = new Validation();
        List<EmailAddress> to = new ArrayList<>(requests.size());
        for (int i = 0; i < requests.size(); i++) {
            EmailRequest r = requests.get(i);
            Validation at = batch ? v.nested("requests", i) : v;
            if (at.check(r != null, "request", "is required")) {
                to.add(checked(r, at));
            }
        }
        v.throwIfInvalid();
        return ctx.write(tx -> {
            Instant now = ctx.now();
            Set<EmailAddress> addresses = new HashSet<>(to);
            Map<EmailAddress, EmailRecipient> recipients = tx.emailRecipients().findByEmails(addresses);
            Map<EmailAddress, Long> sentThisWeek = new HashMap<>(tx.sentEmails().countSent(addresses,
                    EmailKind.MARKETING, now.minus(WEEK)));
            Map<EmailTemplateId, EmailTemplate> templates = new HashMap<>();
            List<SendResult> results = new ArrayList<>(requests.size());
            List<SentEmail> stored = new ArrayList<>();
            for (int i = 0; i < requests.size(); i++) {
                EmailRequest r = requests.get(i);
                EmailAddress address = to.get(i);
                String field = batch ? "requests[" + i + "].template" : "template";
                EmailTemplate t = templates.computeIfAbsent(r.template(),
                        id -> template(tx, id, EmailKind.MARKETING, field));
                EmailRecipient recipient = recipients.get(address);
                SendOutcome refused = refusal(s, recipient, () -> sentThisWeek.getOrDefault(address, 0L));
                if (refused != null) {
                    results.add(SendResult.refused(refused));
                    continue;
                }
                Instant due = s.quietHours().nextAllowed(now, recipient == null || recipient.zone() == null
                        ? s.defaultZone() : recipient.zone());
                boolean immediate = !due.isAfter(now);
                SentEmail email = rendered(s, t, address, r, Map.of(), now, SentEmailStatus.DEFERRED,
                        immediate ? now : due);
                stored.add(email);
                if (immediate) {
                    sentThisWeek.merge(address, 1L, Long::sum);
                    results.add(new SendResult(SendOutcome.QUEUED, email.id(), null));
                } else {
                    results.add(new SendResult(SendOutcome.DEFERRED, email.id(), due));
                }
            }
            List<SentEmail> queued = tx.sentEmails().saveAll(stored).stream()
                    .filter(e -> e.dueAt() != null && !e.dueAt().isAfter(now)).toList();
            List<TrackedActivity> touchpoints = queued.stream().filter(e -> e.lead() != null || e.contact() != null)
                    .map(e -> (TrackedActivity) sentTouchpoint(e, now)).toList();
            if (!touchpoints.isEmpty()) {
                tracking.recordAll(touchpoints);
            }
            if (!queued.isEmpty()) {
                tx.afterCommit(() -> queued.forEach(e -> sendQueued(s, e)));
            }
            return results;
        });
    }

    /** Marks a queued email sent and hands it to the sender, in one small write. */
    private void sendQueued(EmailSettings s, SentEmail queued) {
        try {
            ctx.write(tx -> {
                hand(s, tx.sentEmails().save(queued.sent(ctx.now())));
                return null;
            });
        } catch (ConcurrentUpdateException e) {
            // sendDue on another node sent it meanwhile
        } catch (EmailSendException e) {
            if (e.permanent()) {
                cancel(queued, "the sender refused it: " + e.getMessage());
            }
            // otherwise it stays held and due: the next sendDue tries again
        }
    }

    /** Sends a held email if it is still held and still allowed; cancels it otherwise. */
    private boolean sendHeld(EmailTx tx, EmailSettings s, SentEmail read) {
        SentEmail held = tx.sentEmails().current(read);
        if (held.status() != SentEmailStatus.DEFERRED) {
            return false;
        }
        Instant now = ctx.now();
        SendOutcome refused = refusal(s, tx.emailRecipients().findByEmail(held.to()).orElse(null),
                () -> tx.sentEmails().countSent(held.to(), EmailKind.MARKETING, now.minus(WEEK)));
        if (refused != null) {
            tx.sentEmails().save(held.cancelled(refused.name()));
            return false;
        }
        handOn(s, tx.sentEmails().save(held.sent(now)), now);
        return true;
    }

    private void handOn(EmailSettings s, SentEmail sent, Instant now) {
        recordSent(sent, now);
        hand(s, sent);
    }

    /** The email's {@code EMAIL_SENT} touchpoint; once per email (a repeat of its event id is skipped). */
    private void recordSent(SentEmail sent, Instant now) {
        if (sent.lead() != null || sent.contact() != null) {
            tracking.record(sentTouchpoint(sent, now));
        }
    }

    private static TrackedActivity.EmailSent sentTouchpoint(SentEmail sent, Instant now) {
        return new TrackedActivity.EmailSent("email:" + sent.id(), now, sent.lead(), sent.contact(), null,
                sent.subject());
    }

    private void hand(EmailSettings s, SentEmail sent) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-CRMKit-Email-Id", sent.id().toString());
        if (sent.kind() == EmailKind.MARKETING) {
            headers.put("List-Unsubscribe", "<" + unsubscribeUrl(s, ctx.actor().tenant(), sent.to()) + ">");
            headers.put("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }
        sender().send(new EmailMessage(s.from(), s.fromName(), sent.to(), sent.subject(), sent.html(), sent.text(),
                headers));
    }

    /** The email {@code t} makes for {@code to}: every merge field it uses must have a value. */
    private SentEmail rendered(EmailSettings s, EmailTemplate t, EmailAddress to, EmailRequest r,
                               Map<String, String> own, Instant now, SentEmailStatus status, @Nullable Instant due) {
        Map<String, String> values = new HashMap<>();
        r.values().forEach((k, val) -> {
            if (val != null) {
                values.put(k, val);
            }
        });
        values.putAll(own);
        values.put(MergeFields.EMAIL, to.value());
        if (t.kind() == EmailKind.MARKETING) {
            values.put(MergeFields.UNSUBSCRIBE_URL, unsubscribeUrl(s, ctx.actor().tenant(), to));
        }
        Set<String> known = MergeFields.known(t.kind(), t.fields());
        Set<String> used = new LinkedHashSet<>();
        for (String part : new String[] {t.subject(), t.html(), t.text()}) {
            Set<String> fields = MergeFields.check(new Validation(), "template", part, part == t.html(), known);
            if (fields != null) {
                used.addAll(fields);
            }
        }
        Validation v = new Validation();
        for (String field : used) {
            v.check(values.containsKey(field), "values." + field, MergeFields.CONFIRM_URL.equals(field)
                    ? "is filled only when requestOptIn sends the confirmation" : "is required by the template");
        }
        v.throwIfInvalid();
        String subject = MergeFields.render(t.subject(), false, values);
        v.maxLength("values", subject, EmailLimits.SUBJECT);
        v.throwIfInvalid();
        String html = MergeFields.render(t.html(), true, values);
        String text = t.text() == null ? null : MergeFields.render(t.text(), false, values);
        return new SentEmail(SentEmailId.of(ctx.newId()), 0, t.kind(), t.id(), to, r.lead(), r.contact(), subject,
                html, text, status, null, now, due, status == SentEmailStatus.SENT ? now : null);
    }

    private EmailTemplate template(EmailTx tx, EmailTemplateId id, EmailKind kind, String field) {
        EmailTemplate t = tx.emailTemplates().get(id);
        if (t.kind() != kind) {
            throw new ValidationException(field, "is a " + t.kind().name().toLowerCase(Locale.ROOT)
                    + " template; a " + kind.name().toLowerCase(Locale.ROOT) + " one is needed");
        }
        return t;
    }

    private EmailRecipient withdraw(EmailTx tx, EmailAddress email, String source, Instant now) {
        return withdraw(tx, email, source, now, ctx.user());
    }

    /** The address unsubscribed, {@code by} whom (the system for a link that works without login). */
    private EmailRecipient withdraw(EmailTx tx, EmailAddress email, String source, Instant now, UserId by) {
        EmailRecipient recipient = recipientFor(tx, email, now);
        if (recipient.status() == ConsentStatus.UNSUBSCRIBED && recipient.suppressed() != null) {
            return recipient;
        }
        return changed(tx, recipient.unsubscribed(now), ConsentAction.UNSUBSCRIBED, null, source, now, by);
    }

    /** A consent step on one address, inside the write {@link #change} opens. */
    @FunctionalInterface
    private interface Change {
        EmailRecipient apply(EmailTx tx, EmailAddress address, String source, Instant now);
    }

    /**
     * Validates the address, the source and (when {@code field} is not null) that {@code required} is given, all
     * errors at once; then runs {@code step} in a write.
     */
    private EmailRecipient change(String email, String source, @Nullable String field, @Nullable Object required,
                                  Change step) {
        Validation v = new Validation();
        EmailAddress address = address(v, "email", email);
        if (field != null) {
            v.check(required != null, field, "is required");
        }
        String from = source(v, source);
        v.throwIfInvalid();
        Instant now = ctx.now();
        EmailAddress checkedAddress = Validation.checked(address);
        String checkedSource = Validation.checked(from);
        return ctx.write(tx -> step.apply(tx, checkedAddress, checkedSource, now));
    }

    /** Stores {@code next} and logs the change that made it. */
    private EmailRecipient changed(EmailTx tx, EmailRecipient next, ConsentAction action,
                                   @Nullable LawfulBasis basis, String source, Instant now) {
        return changed(tx, next, action, basis, source, now, ctx.user());
    }

    /** As above, {@code by} whom (what the people's consent records name). */
    private EmailRecipient changed(EmailTx tx, EmailRecipient next, ConsentAction action,
                                   @Nullable LawfulBasis basis, String source, Instant now, UserId by) {
        EmailRecipient saved = tx.emailRecipients().save(next);
        record(tx, next.email(), action, basis, source, now);
        toPeople(tx, next.email(), action, basis, source, now, by);
        return saved;
    }

    /**
     * What the address's owner said reaches the leads and contacts with that address: a consent grant (a confirmed
     * opt-in, with that as its proof, or a grant on a basis) or a withdrawal (an unsubscribe, a complaint) becomes
     * their email-marketing consent record and flag. People whose latest record already says so are left alone (a
     * change made through {@code ConsentService} came from them); bounces are not the person's word.
     */
    private void toPeople(EmailTx tx, EmailAddress email, ConsentAction action, @Nullable LawfulBasis basis,
                          String source, Instant now, UserId by) {
        boolean granted;
        switch (action) {
            case OPT_IN_CONFIRMED, GRANTED -> granted = true;
            case UNSUBSCRIBED, COMPLAINED -> granted = false;
            default -> {
                return;
            }
        }
        String proof = action == ConsentAction.OPT_IN_CONFIRMED ? "double opt-in confirmed by its link" : null;
        for (Lead l : tx.leads().findByEmail(email)) {
            if (l.status() != LeadStatus.MERGED && !said(tx, l.id().value(), granted)) {
                PersonConsent.record(ctx, tx, l, new ConsentRecord(ctx.newId(), l.id().value(),
                        ConsentPurpose.EMAIL_MARKETING, granted, granted ? basis : null, source, proof, by, now));
            }
        }
        for (Contact c : tx.contacts().findByEmail(email)) {
            if (!said(tx, c.id().value(), granted)) {
                PersonConsent.record(ctx, tx, c, new ConsentRecord(ctx.newId(), c.id().value(),
                        ConsentPurpose.EMAIL_MARKETING, granted, granted ? basis : null, source, proof, by, now));
            }
        }
    }

    private static boolean said(EmailTx tx, UUID person, boolean granted) {
        ConsentRecord last = tx.consents().current(person).get(ConsentPurpose.EMAIL_MARKETING);
        return last != null && last.granted() == granted;
    }

    private EmailRecipient recipientFor(EmailTx tx, EmailAddress email, Instant now) {
        return tx.emailRecipients().findByEmail(email)
                .orElseGet(() -> EmailRecipient.fresh(EmailRecipientId.of(ctx.newId()), email, now));
    }

    private void record(EmailTx tx, EmailAddress email, ConsentAction action, @Nullable LawfulBasis basis,
                        String source, Instant now) {
        tx.emailRecipients().appendChange(new ConsentChange(ctx.newId(), email, action, basis, source, now));
    }

    private static String unsubscribeUrl(EmailSettings s, TenantId tenant, EmailAddress email) {
        return s.linkBase() + "/unsubscribe?token=" + EmailTokens.sign(s.signingKey(), EmailTokens.UNSUBSCRIBE,
                tenant, email, 0, "");
    }

    /** This service acting for the system user of {@code tenant}: for the links that work without login. */
    private CrmContext<? extends EmailTx> systemOf(TenantId tenant) {
        return ctx.as(new Actor(tenant, UserId.SYSTEM, Set.of()));
    }

    private EmailSettings settings() {
        return ctx.setting(EmailSettings.class, () -> {
            throw new IllegalStateException("email needs EmailSettings: Crm.builder().with(EmailSettings.of(...))");
        });
    }

    private EmailSender sender() {
        return ctx.setting(EmailSender.class, () -> message -> {
            throw new EmailSendException("no EmailSender configured: Crm.builder().with(sender)", false);
        });
    }

    private static @Nullable EmailAddress address(Validation v, String field, String raw) {
        String text = v.requireText(field, raw);
        return text == null ? null : v.attempt(field, () -> EmailAddress.of(text));
    }

    private static @Nullable String source(Validation v, String raw) {
        return requireText(v, "source", raw, EmailLimits.SOURCE);
    }

    /** Required single-line text of at most {@code max} characters; one error per field. */
    private static @Nullable String requireText(Validation v, String field, String raw, int max) {
        String text = v.requireText(field, raw);
        v.check(text == null || text.length() <= max, field, "must be at most " + max + " characters");
        return text;
    }
}
