package dev.crmkit.core.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.crmkit.core.Crm;
import dev.crmkit.core.common.Channel;
import dev.crmkit.core.common.Money;
import dev.crmkit.core.common.UserId;
import dev.crmkit.core.customer.Feedback;
import dev.crmkit.core.customer.NewPurchase;
import dev.crmkit.core.service.Article;
import dev.crmkit.core.service.ArticleDraft;
import dev.crmkit.core.service.Case;
import dev.crmkit.core.service.CasePriority;
import dev.crmkit.core.service.CaseStatus;
import dev.crmkit.core.service.CustomerView;
import dev.crmkit.core.service.EscalationKind;
import dev.crmkit.core.service.NewCase;
import dev.crmkit.core.service.Satisfaction;
import dev.crmkit.core.service.ServiceContract;
import dev.crmkit.core.service.ServiceEvent.CaseEscalated;
import dev.crmkit.core.service.ServiceSettings;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The whole contact-center flow, from the ringing phone to the customer's rating. */
public abstract class ServiceFlowContract extends ServiceContractSupport {

    @Test
    void callAgentViewCaseWithSlaArticleEscalationResolutionAndRating() {
        UserId manager = UserId.of("team-lead");
        Crm agent = crmWith(ServiceSettings.defaults().withManagers(Map.of(actor.user(), manager), null));
        ServiceContract gold = goldContract();
        crm.customers().recordPurchase(NewPurchase.of(null, ada, "ENG-1", 1, Money.of("1999.99", "EUR")));
        Article howTo = agent.knowledge().publish(agent.knowledge().create(ArticleDraft.of("Mill jams on cards",
                "Clean the card reader with a dry brush.").tagged(Set.of("jam"), Set.of("ENG-1"))).id());

        // The phone rings: the agent sees who calls, what they bought and what they are entitled to.
        CustomerView view = agent.agentView().lookup("+44 20 7946 0958").orElseThrow();
        assertThat(view.contact().id()).isEqualTo(ada);
        assertThat(view.openCases()).isEmpty();
        assertThat(view.activeContracts()).extracting(ServiceContract::id).containsExactly(gold.id());
        assertThat(view.recentPurchases()).hasSize(1);

        // A case is opened with targets from the contract; the agent finds and links the article.
        Case opened = agent.cases().open(NewCase.from(view.contact().id(), Channel.PHONE, "Mill jams")
                .about(null, view.recentPurchases().get(0).productCode()).withPriority(CasePriority.HIGH));
        assertThat(opened.targets().contract()).isEqualTo(gold.id());
        assertThat(opened.targets().firstResponseDue()).isEqualTo(START.plus(Duration.ofHours(2)));
        assertThat(opened.targets().resolutionDue()).isEqualTo(START.plus(Duration.ofHours(8)));
        Article found = agent.knowledge().search("card reader jam", 5).get(0).article();
        assertThat(found.id()).isEqualTo(howTo.id());
        agent.cases().linkArticle(opened.id(), found.id());
        assertThat(agent.agentView().lookup(opened.trackingNumber()).orElseThrow().openCases())
                .extracting(Case::id).containsExactly(opened.id());

        // Nobody answered in time: escalation raises the priority and alerts the owner's manager, once.
        clock.advance(Duration.ofHours(3));
        List<CaseEscalated> escalated = agent.cases().escalateOverdue();
        assertThat(escalated).extracting(CaseEscalated::missed, CaseEscalated::manager)
                .containsExactly(tuple(EscalationKind.FIRST_RESPONSE, manager));
        assertThat(agent.cases().escalateOverdue()).isEmpty();
        assertThat(events(CaseEscalated.class)).hasSize(1);

        agent.cases().comment(opened.id(), "Please clean the reader as described in the linked article.", true);
        agent.cases().waitOnCustomer(opened.id());
        clock.advance(Duration.ofHours(1));
        agent.cases().resolve(opened.id(), "reader cleaned");
        Case closed = agent.cases().close(opened.id(), new Satisfaction(4, "Helpful"));

        assertThat(closed.status()).isEqualTo(CaseStatus.CLOSED);
        assertThat(closed.triage().priority()).isEqualTo(CasePriority.URGENT);
        assertThat(closed.escalations()).containsExactly(EscalationKind.FIRST_RESPONSE);
        assertThat(agent.knowledge().linkedTo(closed.id())).extracting(Article::id).containsExactly(howTo.id());
        assertThat(agent.customers().feedback(ada)).extracting(Feedback::id, Feedback::rating)
                .containsExactly(tuple(closed.feedback(), 4));
        assertThat(agent.agentView().lookup("ada@example.com").orElseThrow().openCases()).isEmpty();
        assertThat(closed.history()).extracting(h -> h.action()).containsExactly("OPENED", "ARTICLE_LINKED",
                "ESCALATED", "REPLIED", "STATUS", "STATUS", "STATUS", "RATED");
    }
}
