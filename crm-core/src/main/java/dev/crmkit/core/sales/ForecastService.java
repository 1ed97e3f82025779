package dev.crmkit.core.sales;

import dev.crmkit.core.common.UserId;
import dev.crmkit.core.common.Validation;
import dev.crmkit.core.context.CrmContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Forecasts over opportunities by close date: totals per forecast category and the weighted pipeline (amount ×
 * probability of the open ones), per owner, per team and per period, kept apart per currency. A team is the set of
 * owners the caller names (a sales team is the host's notion; account teams are per account, not per forecast).
 */
public final class ForecastService {
    private final CrmContext<? extends SalesTx> ctx;

    /** Created by {@code Crm}; hosts obtain it from the facade. */
    public ForecastService(CrmContext<? extends SalesTx> ctx) {
        this.ctx = ctx;
    }

    /** The opportunities closing in {@code period} that the caller sees (everyone's, for an ADMIN). */
    public Forecast forPeriod(ForecastPeriod period) {
        Validation.argument("period", period);
        return ctx.read(tx -> Forecast.of(period, OpportunityService.seen(ctx, tx,
                tx.opportunities().findClosingBetween(period.from(), period.until()))));
    }

    /** {@code owner}'s opportunities closing in {@code period}, of those the caller sees. */
    public Forecast forOwner(UserId owner, ForecastPeriod period) {
        return forTeam(Set.of(Objects.requireNonNull(owner, "owner")), period);
    }

    /** The opportunities of all {@code owners} together that the caller sees, closing in {@code period}. */
    public Forecast forTeam(Set<UserId> owners, ForecastPeriod period) {
        check(owners, period);
        return ctx.read(tx -> {
            List<Opportunity> all = new ArrayList<>();
            for (UserId owner : owners) {
                all.addAll(OpportunityService.seen(ctx, tx, tx.opportunities().findByOwner(owner)));
            }
            return Forecast.of(period, all);
        });
    }

    /** One forecast per owner of {@code owners}, in the given iteration order. */
    public Map<UserId, Forecast> perOwner(Set<UserId> owners, ForecastPeriod period) {
        check(owners, period);
        return ctx.read(tx -> {
            Map<UserId, Forecast> result = new LinkedHashMap<>();
            for (UserId owner : owners) {
                result.put(owner, Forecast.of(period, OpportunityService.seen(ctx, tx,
                        tx.opportunities().findByOwner(owner))));
            }
            return result;
        });
    }

    private static void check(Set<UserId> owners, ForecastPeriod period) {
        Validation v = new Validation();
        if (v.require("owners", owners) != null) {
            v.check(!owners.isEmpty() && owners.stream().allMatch(Objects::nonNull), "owners",
                    "needs at least one owner and no nulls");
        }
        v.require("period", period);
        v.throwIfInvalid();
    }
}
