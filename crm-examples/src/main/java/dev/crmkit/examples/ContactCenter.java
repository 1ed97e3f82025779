package dev.crmkit.examples;

import dev.crmkit.core.Crm;
import dev.crmkit.core.common.AccountId;
import dev.crmkit.core.common.Actor;
import dev.crmkit.core.common.Channel;
import dev.crmkit.core.common.ContactId;
import dev.crmkit.core.common.UserId;
import dev.crmkit.core.service.Article;
import dev.crmkit.core.service.ArticleDraft;
import dev.crmkit.core.service.Case;
import dev.crmkit.core.service.CasePriority;
import dev.crmkit.core.service.ContractTerms;
import dev.crmkit.core.service.CustomerView;
import dev.crmkit.core.service.NewCase;
import dev.crmkit.core.service.ProductDocument;
import dev.crmkit.core.service.ProductInfoDetails;
import dev.crmkit.core.service.Satisfaction;
import dev.crmkit.core.service.ServiceEvent.CaseEscalated;
import dev.crmkit.core.service.ServiceLevel;
import dev.crmkit.core.service.ServiceSettings;
import dev.crmkit.core.storage.Storage;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The quickstart's customer calls support: agent view, a case with targets from the service contract, a knowledge
 * base article, escalation when nobody answers in time, resolution and the customer's rating.
 */
final class ContactCenter {
    private ContactCenter() {
    }

    static void walk(Storage storage, Actor actor, AccountId account, ContactId contact, PrintStream out) {
        // Escalations go to the owner's manager; the host says who that is.
        ServiceSettings settings = ServiceSettings.defaults().withManagers(Map.of(actor.user(), UserId.of("bob")),
                null);
        Crm desk = Crm.builder().storage(storage).actor(actor).with(settings).build();

        Map<CasePriority, ServiceLevel> levels = new EnumMap<>(CasePriority.class);
        levels.put(CasePriority.URGENT, ServiceLevel.of(Duration.ofMinutes(30), Duration.ofHours(4)));
        levels.put(CasePriority.HIGH, ServiceLevel.of(Duration.ofHours(1), Duration.ofHours(8)));
        levels.put(CasePriority.MEDIUM, ServiceLevel.of(Duration.ofHours(4), Duration.ofDays(2)));
        levels.put(CasePriority.LOW, ServiceLevel.of(Duration.ofDays(1), Duration.ofDays(5)));
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        desk.serviceContracts().create(ContractTerms.of(account, "Gold support", today.minusDays(1),
                today.plusYears(1), levels).covering(Set.of(), Set.of("ENG-1")));
        desk.productInfo().save(new ProductInfoDetails("ENG-1", null, "Difference Engine", "Tabulates polynomials",
                Map.of("power", "steam"), List.of(new ProductDocument("Manual", "https://example.com/eng-1.pdf",
                        "manual"))));
        desk.knowledge().publish(desk.knowledge().create(ArticleDraft.of("Engine jams on punched cards",
                "Clean the card reader with a dry brush, then restart.").tagged(Set.of("jam"), Set.of("ENG-1")))
                .id());

        // The phone rings: one lookup shows who calls and what they have.
        String email = desk.contacts().get(contact).points().email().value();
        CustomerView view = desk.agentView().lookup(email).orElseThrow();
        out.printf("%ncall from %s %s of %s: %d open cases, contracts %s, last purchase %s%n",
                view.contact().name().firstName(), view.contact().name().lastName(), view.account().name(),
                view.openCases().size(),
                view.activeContracts().stream().map(c -> c.name()).toList(),
                view.recentPurchases().isEmpty() ? "-" : view.recentPurchases().get(0).productCode());

        Case opened = desk.cases().open(NewCase.from(contact, Channel.PHONE, "Engine jams")
                .about(null, "ENG-1").withPriority(CasePriority.HIGH));
        out.printf("case %s opened, first response due %s, resolution due %s%n", opened.trackingNumber(),
                opened.targets().firstResponseDue(), opened.targets().resolutionDue());
        Article hit = desk.knowledge().search("engine jam", 3).get(0).article();
        desk.cases().linkArticle(opened.id(), hit.id());
        out.println("linked article: " + hit.title());

        // Two hours later the host's scheduler runs escalation: nobody replied within the hour.
        Crm later = Crm.builder().storage(storage).actor(actor).with(settings)
                .clock(Clock.offset(Clock.systemUTC(), Duration.ofHours(2))).build();
        for (CaseEscalated e : later.cases().escalateOverdue()) {
            out.printf("escalated %s: missed %s, priority %s -> %s, alert %s%n", e.serviceCase().trackingNumber(),
                    e.missed(), e.from(), e.to(), e.manager());
        }
        out.println("escalating again changes nothing: " + later.cases().escalateOverdue().isEmpty());

        later.cases().comment(opened.id(), "Please clean the card reader as in the linked article.", true);
        later.cases().resolve(opened.id(), "card reader cleaned");
        Case closed = later.cases().close(opened.id(), new Satisfaction(5, "Quick and friendly"));
        out.printf("case %s %s, rated %d/5%n", closed.trackingNumber(), closed.status(),
                later.customers().feedback(contact).get(0).rating());
    }
}
