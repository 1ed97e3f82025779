package dev.crmkit.core.sales;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crmkit.core.Crm;
import dev.crmkit.core.common.AccountId;
import dev.crmkit.core.common.Money;
import dev.crmkit.core.common.OpportunityId;
import dev.crmkit.core.common.UserId;
import dev.crmkit.core.customer.AccountDetails;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/** The weighted pipeline is the sum of amount × probability of the open opportunities, per currency. */
class ForecastProperties {
    private static final LocalDate DAY0 = LocalDate.of(2026, 1, 5);
    private static final ForecastPeriod Q1 = ForecastPeriod.quarter(2026, 1);

    /** An opportunity as plain numbers. */
    record Deal(long cents, String currency, int stage, int outcome, int daysAhead) {
    }

    @Provide
    Arbitrary<Deal> deals() {
        return Combinators.combine(Arbitraries.longs().between(0, 100_000_000_000L),
                Arbitraries.of("EUR", "USD", "JPY"), Arbitraries.integers().between(0, 4),
                Arbitraries.integers().between(0, 5), Arbitraries.integers().between(0, 200)).as(Deal::new);
    }

    private static Money amount(Deal d) {
        Currency c = Currency.getInstance(d.currency());
        return new Money(BigDecimal.valueOf(d.cents(), 2).setScale(c.getDefaultFractionDigits(), RoundingMode.DOWN),
                c);
    }

    @Property(tries = 200)
    void weightedPipelineIsTheSumOfAmountTimesProbability(@ForAll @Size(max = 40) List<@From("deals") Deal> deals) {
        SalesStages stages = SalesStages.defaults();
        List<Opportunity> opps = new ArrayList<>();
        for (Deal d : deals) {
            SalesStage s = stages.open().get(d.stage());
            Opportunity o = new Opportunity(OpportunityId.of(UUID.randomUUID()), 0,
                    AccountId.of(UUID.randomUUID()), null, "D", amount(d), DAY0.plusDays(d.daysAhead()),
                    UserId.of("rep"), s.name(), s.probability(), s.category(), OpportunityStatus.OPEN, null, null,
                    null, Instant.EPOCH, Instant.EPOCH);
            if (d.outcome() == 0) {
                o = o.closeWon("r", DAY0.plusDays(d.daysAhead()), UserId.of("rep"), Instant.EPOCH);
            } else if (d.outcome() == 1) {
                o = o.closeLost("r", DAY0.plusDays(d.daysAhead()), UserId.of("rep"), Instant.EPOCH);
            }
            opps.add(o);
        }
        Forecast f = Forecast.of(Q1, opps);

        Map<Currency, List<Opportunity>> inPeriod = opps.stream().filter(o -> Q1.contains(o.closeDate()))
                .collect(Collectors.groupingBy(o -> o.amount().currency()));
        assertThat(f.byCurrency().keySet()).isEqualTo(inPeriod.keySet());
        inPeriod.forEach((currency, list) -> {
            ForecastTotals t = f.byCurrency().get(currency);
            BigDecimal weighted = list.stream().filter(o -> o.status() == OpportunityStatus.OPEN)
                    .map(o -> o.amount().amount().multiply(BigDecimal.valueOf(o.probability()))
                            .divide(BigDecimal.valueOf(100)))
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal all = list.stream().map(o -> o.amount().amount()).reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(t.opportunities()).isEqualTo(list.size());
            assertThat(t.weightedExact()).isEqualByComparingTo(weighted);
            assertThat(t.weightedPipeline()).isEqualTo(Money.rounded(weighted, currency));
            assertThat(t.byCategory().values().stream().map(Money::amount).reduce(BigDecimal.ZERO, BigDecimal::add))
                    .isEqualByComparingTo(all);
            assertThat(t.byCategory().values()).allMatch(m -> m.currency().equals(currency));
        });
    }

    @Property(tries = 20)
    void theServiceForecastsWhatTheOpportunitiesSay(@ForAll @Size(max = 12) List<@From("deals") Deal> deals) {
        Crm crm = Crm.builder().clock(Clock.fixed(DAY0.atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC))
                .build();
        AccountId account = crm.accounts().create(AccountDetails.named("Acme"));
        SalesStages stages = SalesStages.defaults();
        BigDecimal expected = BigDecimal.ZERO;
        for (Deal d : deals) {
            SalesStage s = stages.open().get(d.stage());
            Money amount = Money.of(BigDecimal.valueOf(d.cents(), 2), "EUR");
            UserId owner = UserId.of(d.outcome() % 2 == 0 ? "rep-a" : "rep-b");
            OpportunityId id = crm.opportunities().create(NewOpportunity.of(account, "D", amount,
                    DAY0.plusDays(d.daysAhead())).withOwner(owner).withStage(s.name()));
            if (d.outcome() == 5) {
                crm.opportunities().closeLost(id, "r");
            } else if (Q1.contains(DAY0.plusDays(d.daysAhead()))) {
                expected = expected.add(amount.amount().multiply(BigDecimal.valueOf(s.probability())).movePointLeft(2));
            }
        }
        BigDecimal team = crm.forecasts().forTeam(Set.of(UserId.of("rep-a"), UserId.of("rep-b")), Q1).in("EUR")
                .weightedExact();
        BigDecimal period = crm.forecasts().forPeriod(Q1).in("EUR").weightedExact();
        BigDecimal owners = crm.forecasts().perOwner(Set.of(UserId.of("rep-a"), UserId.of("rep-b")), Q1).values()
                .stream().map(f -> f.in("EUR").weightedExact()).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(team).isEqualByComparingTo(expected);
        assertThat(period).isEqualByComparingTo(expected);
        assertThat(owners).isEqualByComparingTo(expected);
    }
}
