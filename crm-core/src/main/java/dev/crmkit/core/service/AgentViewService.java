package dev.crmkit.core.service;

import dev.crmkit.core.common.AccountId;
import dev.crmkit.core.common.ContactId;
import dev.crmkit.core.common.EmailAddress;
import dev.crmkit.core.common.PhoneNumber;
import dev.crmkit.core.common.PhoneRegions;
import dev.crmkit.core.common.Validation;
import dev.crmkit.core.context.CrmContext;
import dev.crmkit.core.customer.Account;
import dev.crmkit.core.customer.AccountService;
import dev.crmkit.core.customer.Contact;
import dev.crmkit.core.customer.ContactService;
import dev.crmkit.core.customer.CustomerService;
import dev.crmkit.core.customer.Purchase;
import dev.crmkit.core.tracking.Touchpoint;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The agent's customer view (contact center): one call from a phone number, email address or tracking number to
 * everything on the agent's screen, read in one transaction from index lookups only.
 */
public final class AgentViewService {
    private static final Pattern TRACKING_NUMBER = Pattern.compile("(?i)[a-z][a-z0-9]*-\\d{4}-\\d+");

    private final CrmContext<? extends ServiceTx> ctx;

    /** Created by {@code Crm}; hosts obtain it from the facade. */
    public AgentViewService(CrmContext<? extends ServiceTx> ctx) {
        this.ctx = ctx;
    }

    /**
     * Looks up whatever the agent typed: a tracking number ({@code CS-2026-000123}), an email address (has an
     * {@code @}) or a phone number (international format). Empty when nothing matches; a malformed phone number or
     * email address is a {@code ValidationException} naming {@code phone} or {@code email}.
     */
    public Optional<CustomerView> lookup(String phoneEmailOrTrackingNumber) {
        Validation v = new Validation();
        String given = v.requireText("query", phoneEmailOrTrackingNumber);
        v.throwIfInvalid();
        String text = Validation.checked(given);
        if (TRACKING_NUMBER.matcher(text).matches()) {
            return byTrackingNumber(text);
        }
        return text.contains("@") ? byEmail(text) : byPhone(text, null);
    }

    /**
     * The view of the contact with this phone number; {@code defaultRegion} (e.g. {@code GB}) for local numbers, or
     * null for the tenant's ({@code PhoneRegions}).
     */
    public Optional<CustomerView> byPhone(String phone, @Nullable String defaultRegion) {
        Validation v = new Validation();
        String region = ctx.setting(PhoneRegions.class, PhoneRegions::none).regionFor(ctx.actor().tenant(),
                defaultRegion);
        PhoneNumber number = v.attempt("phone", () -> PhoneNumber.parse(phone, region));
        v.throwIfInvalid();
        return ctx.read(tx -> of(tx, tx.contacts().findByPhone(Validation.checked(number)), null));
    }

    public Optional<CustomerView> byEmail(String email) {
        Validation v = new Validation();
        EmailAddress address = v.attempt("email", () -> EmailAddress.of(email));
        v.throwIfInvalid();
        return ctx.read(tx -> of(tx, tx.contacts().findByEmail(Validation.checked(address)), null));
    }

    /** The view of the case's contact (or account), with the case itself in {@link CustomerView#matchedCase()}. */
    public Optional<CustomerView> byTrackingNumber(String trackingNumber) {
        String normalized = CaseService.normalizeTrackingNumber(trackingNumber);
        if (normalized == null) {
            return Optional.empty();
        }
        return ctx.read(tx -> tx.cases().findByTrackingNumber(normalized)
                .filter(c -> CaseService.GUARD.sees(ctx, tx, c))
                .flatMap(c -> {
                    ContactId raisedBy = c.regarding().contact();
                    List<Contact> contact = raisedBy == null ? List.of()
                            : tx.contacts().find(raisedBy).stream().toList();
                    return contact.isEmpty() && c.regarding().account() == null ? Optional.empty()
                            : of(tx, contact, c);
                }));
    }

    /**
     * The view of the first of {@code matches} (or of {@code matched}'s account), of what the caller sees: contacts,
     * the account and cases they may not see are left out as if they did not exist.
     */
    private Optional<CustomerView> of(ServiceTx tx, List<Contact> found, @Nullable Case matched) {
        List<Contact> matches = ContactService.seen(ctx, tx, found);
        Contact contact = matches.isEmpty() ? null : matches.get(0);
        if (contact == null && matched == null) {
            return Optional.empty();
        }
        AccountId named = contact != null && contact.account() != null ? contact.account()
                : matched == null ? null : matched.regarding().account();
        AccountId accountId = named != null && AccountService.seen(ctx, tx, named) ? named : null;
        Account account = accountId == null ? null : tx.accounts().find(accountId).orElse(null);
        int n = ctx.setting(ServiceSettings.class, ServiceSettings::defaults).recentItems();
        Instant now = ctx.now();

        Map<Object, Case> open = new LinkedHashMap<>();
        List<Case> cases = new ArrayList<>();
        if (accountId != null) {
            cases.addAll(tx.cases().findByAccount(accountId));
        }
        if (contact != null) {
            cases.addAll(tx.cases().findByContact(contact.id()));
        }
        CaseService.seen(ctx, tx, cases).stream().filter(c -> c.status().isOpen())
                .sorted(Comparator.comparing(Case::createdAt).thenComparing(Case::id))
                .forEach(c -> open.putIfAbsent(c.id(), c));
        List<ServiceContract> contracts = accountId == null ? List.of()
                : tx.serviceContracts().findByAccount(accountId).stream().filter(c -> c.activeAt(now)).toList();
        List<Purchase> purchases = accountId != null ? tx.purchases().findByAccount(accountId)
                : contact != null ? CustomerService.seenPurchases(ctx, tx, tx.purchases().findByContact(contact.id()))
                : List.of();
        List<Touchpoint> touchpoints = contact != null ? tx.touchpoints().findByContact(contact.id())
                : accountId != null ? tx.touchpoints().findByAccount(accountId) : List.of();
        return Optional.of(new CustomerView(contact, account, matched,
                matches.size() > 1 ? matches.subList(1, matches.size()) : List.of(), new ArrayList<>(open.values()),
                contracts, newest(purchases, n), newest(touchpoints, n)));
    }

    /** The last {@code n} of a list ordered oldest first, newest first. */
    private static <T> List<T> newest(List<T> oldestFirst, int n) {
        List<T> tail = new ArrayList<>(oldestFirst.subList(Math.max(0, oldestFirst.size() - n), oldestFirst.size()));
        Collections.reverse(tail);
        return tail;
    }
}
