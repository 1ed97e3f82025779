package dev.crmkit.core.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crmkit.core.Crm;
import dev.crmkit.core.common.AccountId;
import dev.crmkit.core.common.Actor;
import dev.crmkit.core.common.Money;
import dev.crmkit.core.common.OpportunityId;
import dev.crmkit.core.common.UserId;
import dev.crmkit.core.common.ValidationException;
import dev.crmkit.core.customer.AccountDetails;
import dev.crmkit.core.sales.Forecast;
import dev.crmkit.core.sales.ForecastCategory;
import dev.crmkit.core.sales.ForecastPeriod;
import dev.crmkit.core.sales.ForecastTotals;
import dev.crmkit.core.sales.NewOpportunity;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Currency;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Forecasts through {@code ForecastService}: weighted pipeline and category totals per owner, team and period. */
public abstract class ForecastContract extends ContractSupport {
    private static final UserId REP1 = UserId.of("rep-1");
    private static final UserId REP2 = UserId.of("rep-2");
    private static final UserId REP3 = UserId.of("rep-3");
    private static final ForecastPeriod Q1 = ForecastPeriod.quarter(2026, 1);

    private AccountId acme;

    @BeforeEach
    void setUpPipeline() {
        acme = crm.accounts().create(AccountDetails.named("Acme"));
        // rep-1, Q1 2026, EUR: 10 000 at Prospecting (10 %), 20 000 at Proposal (50 %), 30 000 at Commit (90 %)
        open(REP1, "10000.00", "EUR", LocalDate.of(2026, 1, 31), "Prospecting");
        open(REP1, "20000.00", "EUR", LocalDate.of(2026, 2, 15), "Proposal");
        open(REP1, "30000.00", "EUR", LocalDate.of(2026, 3, 31), "Commit");
        // rep-1, Q1, won 5 000 EUR and lost 7 000 EUR (both close today, 2026-01-05)
        crm.opportunities().closeWon(open(REP1, "5000.00", "EUR", LocalDate.of(2026, 2, 1), "Proposal"), "fit");
        crm.opportunities().closeLost(open(REP1, "7000.00", "EUR", LocalDate.of(2026, 2, 1), "Proposal"), "price");
        // rep-1, Q1, another currency: 1 000 USD at Negotiation (75 %)
        open(REP1, "1000.00", "USD", LocalDate.of(2026, 1, 20), "Negotiation");
        // rep-1, Q2: outside Q1
        open(REP1, "99999.00", "EUR", LocalDate.of(2026, 4, 1), "Commit");
        // rep-2, Q1: 4 000.01 EUR at Qualification (20 %)
        open(REP2, "4000.01", "EUR", LocalDate.of(2026, 3, 1), "Qualification");
    }

    private OpportunityId open(UserId owner, String amount, String currency, LocalDate close, String stage) {
        return crm.opportunities().create(NewOpportunity.of(acme, "Deal " + amount, Money.of(amount, currency),
                close).withOwner(owner).withStage(stage));
    }

    private static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }

    @Test
    void anOwnersForecastSumsCategoriesAndWeightsOnlyOpenOpportunities() {
        ForecastTotals t = crm.forecasts().forOwner(REP1, Q1).in("EUR");
        assertThat(t.opportunities()).isEqualTo(5);
        assertThat(t.total(ForecastCategory.PIPELINE)).isEqualTo(eur("10000.00"));
        assertThat(t.total(ForecastCategory.BEST_CASE)).isEqualTo(eur("20000.00"));
        assertThat(t.total(ForecastCategory.COMMIT)).isEqualTo(eur("30000.00"));
        assertThat(t.total(ForecastCategory.CLOSED)).isEqualTo(eur("5000.00"));
        assertThat(t.total(ForecastCategory.OMITTED)).isEqualTo(eur("7000.00"));
        // 10 000 × 10 % + 20 000 × 50 % + 30 000 × 90 %
        assertThat(t.weightedPipeline()).isEqualTo(eur("38000.00"));
    }

    @Test
    void currenciesAreKeptApartNeverSummed() {
        Forecast f = crm.forecasts().forOwner(REP1, Q1);
        assertThat(f.byCurrency().keySet()).containsExactlyInAnyOrder(Currency.getInstance("EUR"),
                Currency.getInstance("USD"));
        ForecastTotals usd = f.in("USD");
        assertThat(usd.opportunities()).isEqualTo(1);
        assertThat(usd.total(ForecastCategory.BEST_CASE)).isEqualTo(Money.of("1000.00", "USD"));
        assertThat(usd.weightedPipeline()).isEqualTo(Money.of("750.00", "USD"));
        assertThat(f.in("GBP").opportunities()).isZero();
    }

    @Test
    void aTeamForecastAddsItsOwnersAndKeepsTheExactWeightedSum() {
        ForecastTotals team = crm.forecasts().forTeam(Set.of(REP1, REP2), Q1).in("EUR");
        assertThat(team.opportunities()).isEqualTo(6);
        assertThat(team.total(ForecastCategory.PIPELINE)).isEqualTo(eur("14000.01"));
        // 38 000 + 4 000.01 × 20 % = 38 800.002 exactly; rounded once at the end
        assertThat(team.weightedExact()).isEqualByComparingTo(new BigDecimal("38800.002"));
        assertThat(team.weightedPipeline()).isEqualTo(eur("38800.00"));

        Map<UserId, Forecast> perOwner = crm.forecasts().perOwner(new LinkedHashSet<>(List.of(REP2, REP1, REP3)),
                Q1);
        assertThat(perOwner.keySet()).containsExactly(REP2, REP1, REP3);
        assertThat(perOwner.get(REP2).in("EUR").weightedPipeline()).isEqualTo(eur("800.00"));
        assertThat(perOwner.get(REP3).byCurrency()).isEmpty();
    }

    @Test
    void periodsSelectByCloseDate() {
        assertThat(crm.forecasts().forPeriod(Q1).in("EUR").opportunities()).isEqualTo(6);
        assertThat(crm.forecasts().forPeriod(ForecastPeriod.quarter(2026, 2)).in("EUR").total(
                ForecastCategory.COMMIT)).isEqualTo(eur("99999.00"));
        // January: the won and lost ones closed today; the prospecting one closes on the 31st.
        ForecastTotals january = crm.forecasts().forPeriod(ForecastPeriod.month(YearMonth.of(2026, 1))).in("EUR");
        assertThat(january.opportunities()).isEqualTo(3);
        assertThat(january.weightedPipeline()).isEqualTo(eur("1000.00"));
        assertThat(crm.forecasts().forPeriod(ForecastPeriod.quarterOf(LocalDate.of(2026, 8, 14))).byCurrency())
                .isEmpty();
    }

    @Test
    void forecastsFollowStageMoves() {
        OpportunityId id = open(REP3, "1000.00", "EUR", LocalDate.of(2026, 3, 1), "Prospecting");
        assertThat(crm.forecasts().forOwner(REP3, Q1).in("EUR").weightedPipeline()).isEqualTo(eur("100.00"));
        crm.opportunities().moveTo(id, "Commit");
        ForecastTotals t = crm.forecasts().forOwner(REP3, Q1).in("EUR");
        assertThat(t.weightedPipeline()).isEqualTo(eur("900.00"));
        assertThat(t.total(ForecastCategory.COMMIT)).isEqualTo(eur("1000.00"));
        assertThat(t.total(ForecastCategory.PIPELINE)).isEqualTo(eur("0.00"));
    }

    @Test
    void forecastsAreTenantScoped() {
        Crm other = crm.as(new Actor(freshTenant(), REP1, Set.of()));
        assertThat(other.forecasts().forOwner(REP1, Q1).byCurrency()).isEmpty();
    }

    @Test
    void aTeamNeedsOwners() {
        assertThatThrownBy(() -> crm.forecasts().forTeam(Set.of(), Q1))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.hasErrorFor("owners")).isTrue());
        assertThatThrownBy(() -> ForecastPeriod.quarter(2026, 5)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> new ForecastPeriod(LocalDate.of(2026, 2, 1), LocalDate.of(2026, 2, 1)))
                .isInstanceOf(ValidationException.class);
    }
}
