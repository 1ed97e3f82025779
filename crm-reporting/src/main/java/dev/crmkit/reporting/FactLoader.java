package dev.crmkit.reporting;

import dev.crmkit.core.common.AccountId;
import dev.crmkit.core.common.Address;
import dev.crmkit.core.common.Money;
import dev.crmkit.core.common.PageRequest;
import dev.crmkit.core.common.UserId;
import dev.crmkit.core.customer.Account;
import dev.crmkit.core.customer.Contact;
import dev.crmkit.core.customer.Purchase;
import dev.crmkit.core.email.EmailService;
import dev.crmkit.core.email.SentEmailId;
import dev.crmkit.core.lead.Lead;
import dev.crmkit.core.lead.LeadStatus;
import dev.crmkit.core.nurture.Enrollment;
import dev.crmkit.core.nurture.ExitReason;
import dev.crmkit.core.nurture.Sequence;
import dev.crmkit.core.sales.Opportunity;
import dev.crmkit.core.sales.OpportunityStatus;
import dev.crmkit.core.service.Case;
import dev.crmkit.core.service.EscalationKind;
import dev.crmkit.core.service.Triage;
import dev.crmkit.core.sharing.Visibility;
import dev.crmkit.core.storage.StorageTx;
import dev.crmkit.core.task.Task;
import dev.crmkit.core.tracking.Touchpoint;
import dev.crmkit.core.tracking.TouchpointKind;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads the facts a definition needs through the storage SPI's bulk reads, into a {@link FactTable}. */
final class FactLoader {
    private FactLoader() {
    }

    static Set<Field> fieldsOf(ReportDefinition def) {
        Set<Field> fields = EnumSet.noneOf(Field.class);
        def.measures().stream().filter(m -> m.field() != null).forEach(m -> fields.add(m.field()));
        return fields;
    }

    static FactTable load(ReportDefinition def, TimeWindow window, StorageTx tx) {
        return load(def, window, tx, SeenFacts.of(Visibility.everything(), tx));
    }

    /** The facts of the records {@code seen} lets the reader see. */
    static FactTable load(ReportDefinition def, TimeWindow window, StorageTx tx, SeenFacts seen) {
        FactTable.Builder b = FactTable.builder(def.source(), def.dimensionsRead(), fieldsOf(def));
        ZoneId zone = def.zone();
        Instant from = window.from();
        Instant to = window.to();
        switch (def.source()) {
            case TOUCHPOINTS -> tx.touchpoints().forEachOccurred(from, to, t -> touchpoint(b, t, zone));
            case LEADS -> tx.leads().forEachCreated(from, to, l -> {
                if (l.status() != LeadStatus.MERGED && seen.lead(l)) {
                    lead(b, l, zone);
                }
            });
            case CONTACTS -> {
                Map<AccountId, String> industries = b.keeps(Dimension.INDUSTRY) ? industries(tx) : Map.of();
                tx.contacts().forEachCreated(from, to, c -> {
                    if (seen.contact(c)) {
                        contact(b, c, industries, zone);
                    }
                });
            }
            case PURCHASES -> tx.purchases().forEachPurchased(from, to, p -> {
                if (seen.purchase(p)) {
                    purchase(b, p, zone);
                }
            });
            case OPPORTUNITIES -> tx.opportunities().forEachCreated(from, to, o -> {
                if (seen.opportunity(o)) {
                    opportunity(b, o, zone);
                }
            });
            case CASES -> tx.cases().forEachCreated(from, to, c -> {
                if (seen.serviceCase(c)) {
                    serviceCase(b, c, zone);
                }
            });
            // a task's time is when it was closed, which may fall in the window though it was created before
            case TASKS -> tx.tasks().forEachCreated(null, to, t -> {
                if (window.contains(t.closedAt() != null ? t.closedAt() : t.createdAt()) && seen.task(t)) {
                    task(b, t, zone);
                }
            });
            case SEQUENCE_STEPS -> {
                for (Sequence s : tx.nurtureSequences().list()) {
                    for (Enrollment e : tx.enrollments().ofSequence(s.id())) {
                        if (window.contains(e.enrolledAt())) {
                            steps(b, e, tx, zone);
                        }
                    }
                }
            }
        }
        return b.build();
    }

    private static LocalDate day(Instant t, ZoneId zone) {
        return LocalDate.ofInstant(t, zone);
    }

    private static void touchpoint(FactTable.Builder b, Touchpoint t, ZoneId zone) {
        Money value = t.value();
        b.set(Dimension.KIND, t.kind()).set(Dimension.CAMPAIGN, t.campaign()).set(Dimension.AD, t.ad())
                .set(Dimension.AFFILIATE, t.affiliate()).set(Dimension.CHANNEL, t.channel())
                .set(Dimension.REP, t.rep()).set(Dimension.VISITOR, t.visitorId()).set(Dimension.LEAD, t.lead())
                .set(Dimension.CONTACT, t.contact()).set(Dimension.ACCOUNT, t.account())
                .set(Dimension.CURRENCY, value == null ? null : value.currency().getCurrencyCode())
                .time(day(t.occurredAt(), zone))
                .setUnits(Field.COUNT, t.count())
                .set(Field.VALUE, value == null ? null : value.amount());
        if (t.durationSeconds() != null) {
            b.setUnits(Field.DURATION, t.durationSeconds());
        }
        b.add();
    }

    private static void lead(FactTable.Builder b, Lead l, ZoneId zone) {
        location(b, l.reach().address());
        b.set(Dimension.SOURCE, l.origin().source()).set(Dimension.STATUS, l.status()).set(Dimension.OWNER, l.owner())
                .set(Dimension.CAMPAIGN, l.origin().attribution().campaign()).set(Dimension.AD,
                        l.origin().attribution().ad())
                .set(Dimension.AFFILIATE, l.origin().attribution().affiliate()).set(Dimension.LEAD, l.id())
                .time(day(l.createdAt(), zone))
                .setUnits(Field.SCORE, l.score())
                .add();
    }

    private static void contact(FactTable.Builder b, Contact c, Map<AccountId, String> industries, ZoneId zone) {
        location(b, c.points().address());
        b.set(Dimension.AGE_BAND, c.demographics().ageBand()).set(Dimension.GENDER, c.demographics().gender())
                .set(Dimension.INDUSTRY, c.account() == null ? null : industries.get(c.account()))
                .set(Dimension.STAGE, c.stage()).set(Dimension.OWNER, c.owner())
                .set(Dimension.ACCOUNT, c.account()).set(Dimension.CONTACT, c.id())
                .time(day(c.createdAt(), zone))
                .add();
    }

    private static void location(FactTable.Builder b, Address a) {
        b.set(Dimension.COUNTRY, a == null ? null : a.country()).set(Dimension.REGION, a == null ? null : a.region())
                .set(Dimension.CITY, a == null ? null : a.city());
    }

    private static void purchase(FactTable.Builder b, Purchase p, ZoneId zone) {
        if (!b.keeps(Dimension.REP) || p.reps().isEmpty()) {
            purchaseFact(b, p, null, zone);
            return;
        }
        // Each rep gets full credit: one fact per rep (see FactSource.PURCHASES).
        for (UserId rep : p.reps()) {
            purchaseFact(b, p, rep, zone);
        }
    }

    private static void purchaseFact(FactTable.Builder b, Purchase p, UserId rep, ZoneId zone) {
        b.set(Dimension.PRODUCT, p.productCode()).set(Dimension.PRICE_BAND, PriceBand.of(p.unitPrice().amount()))
                .set(Dimension.CURRENCY, p.unitPrice().currency().getCurrencyCode()).set(Dimension.REP, rep)
                .set(Dimension.ACCOUNT, p.account()).set(Dimension.CONTACT, p.contact())
                .time(day(p.purchasedAt(), zone))
                .setUnits(Field.QUANTITY, p.quantity())
                .set(Field.UNIT_PRICE, p.unitPrice().amount())
                // Not p.total(): a product may leave the range of one Money amount, as SQL's does not.
                .set(Field.REVENUE, p.unitPrice().amount().multiply(BigDecimal.valueOf(p.quantity())))
                .add();
    }

    private static void opportunity(FactTable.Builder b, Opportunity o, ZoneId zone) {
        boolean closed = o.status() != OpportunityStatus.OPEN;
        b.set(Dimension.STAGE, o.stage()).set(Dimension.STATUS, o.status())
                .set(Dimension.FORECAST_CATEGORY, o.category()).set(Dimension.OWNER, o.owner())
                .set(Dimension.ACCOUNT, o.account()).set(Dimension.CONTACT, o.contact())
                .set(Dimension.CURRENCY, o.amount().currency().getCurrencyCode())
                .set(Dimension.CLOSE_MONTH, YearMonth.from(o.closeDate()))
                .time(day(o.createdAt(), zone))
                .set(Field.AMOUNT, o.amount().amount())
                .set(Field.WEIGHTED_AMOUNT, o.weightedAmount().setScale(Field.WEIGHTED_AMOUNT.scale(),
                        RoundingMode.HALF_EVEN))
                .setUnits(Field.PROBABILITY, o.probability());
        if (closed) {
            b.setUnits(Field.SALES_CYCLE_DAYS, ChronoUnit.DAYS.between(day(o.createdAt(), zone), o.closeDate()));
        }
        b.add();
    }

    private static void serviceCase(FactTable.Builder b, Case c, ZoneId zone) {
        Triage triage = c.triage();
        b.set(Dimension.STATUS, c.status()).set(Dimension.PRIORITY, triage.priority())
                .set(Dimension.CATEGORY, triage.category())
                .set(Dimension.KIND, triage.kind()).set(Dimension.CHANNEL, triage.channel())
                .set(Dimension.OWNER, c.owner())
                .set(Dimension.ACCOUNT, c.regarding().account()).set(Dimension.CONTACT, c.regarding().contact())
                .set(Dimension.PRODUCT, c.regarding().productCode()).set(Dimension.SLA, sla(c))
                .time(day(c.createdAt(), zone));
        if (c.closure().resolvedAt() != null) {
            b.setUnits(Field.RESOLUTION_MINUTES,
                    Duration.between(c.createdAt(), c.closure().resolvedAt()).toMinutes());
        }
        if (c.targets().firstRespondedAt() != null) {
            b.setUnits(Field.FIRST_RESPONSE_MINUTES,
                    Duration.between(c.createdAt(), c.targets().firstRespondedAt()).toMinutes());
        }
        b.add();
    }

    /** See {@link Dimension#SLA}. */
    static String sla(Case c) {
        if (c.targets().resolutionDue() == null) {
            return "NO_TARGET";
        }
        if (c.closure().resolvedAt() != null) {
            return c.closure().resolvedAt().isAfter(c.targets().resolutionDue()) ? "MISSED" : "MET";
        }
        return c.escalations().contains(EscalationKind.RESOLUTION) ? "MISSED" : "OPEN";
    }

    private static void task(FactTable.Builder b, Task t, ZoneId zone) {
        b.set(Dimension.STATUS, t.status()).set(Dimension.PRIORITY, t.priority()).set(Dimension.OWNER, t.assignee())
                .time(day(t.closedAt() != null ? t.closedAt() : t.createdAt(), zone))
                .add();
    }

    /** A fact per step of the enrollment's path, as {@code SequenceService.stats} counts them. */
    private static void steps(FactTable.Builder b, Enrollment e, StorageTx tx, ZoneId zone) {
        boolean converted = e.exitReason() == ExitReason.CONVERTED
                || tx.leads().find(e.lead()).map(l -> l.status() == LeadStatus.CONVERTED).orElse(false);
        List<Touchpoint> touchpoints = e.sent().isEmpty() ? List.of() : tx.touchpoints().findByLead(e.lead());
        for (String step : e.path()) {
            SentEmailId email = e.sent().get(step);
            b.set(Dimension.SEQUENCE, e.sequence()).set(Dimension.STEP, step).set(Dimension.LEAD, e.lead())
                    .time(day(e.enrolledAt(), zone))
                    .setUnits(Field.SENT, email != null ? 1 : 0)
                    .setUnits(Field.CLICKED, email != null && clicked(touchpoints, email) ? 1 : 0)
                    .setUnits(Field.CONVERTED, converted ? 1 : 0)
                    .add();
        }
    }

    private static boolean clicked(List<Touchpoint> touchpoints, SentEmailId email) {
        String prefix = EmailService.clickEventPrefix(email);
        return touchpoints.stream().anyMatch(t -> t.kind() == TouchpointKind.EMAIL_CLICK
                && t.externalEventId() != null && t.externalEventId().startsWith(prefix));
    }

    private static Map<AccountId, String> industries(StorageTx tx) {
        Map<AccountId, String> out = new HashMap<>();
        PageRequest page = PageRequest.first(PageRequest.MAX_SIZE);
        while (true) {
            var accounts = tx.accounts().list(page);
            for (Account a : accounts.items()) {
                out.put(a.id(), a.industry());
            }
            if (!accounts.hasNext()) {
                return out;
            }
            page = page.next();
        }
    }
}
