package dev.crmkit.core.lead;

import dev.crmkit.core.common.TenantId;
import dev.crmkit.core.common.Validation;
import dev.crmkit.core.context.CrmContext;
import java.util.HashMap;
import java.util.Map;

/**
 * Duplicate rules of particular tenants, where their people differ (a tenant whose lists share few birth dates, one
 * whose customers are companies): each named tenant is matched by its own {@link DuplicateRules}, the others by the
 * {@code Crm}'s. Set with {@code Crm.builder().with(TenantDuplicateRules.of(tenant, rules))}.
 *
 * @param byTenant the rules of each named tenant
 */
public record TenantDuplicateRules(Map<TenantId, DuplicateRules> byTenant) {
    public TenantDuplicateRules {
        Validation.argument("byTenant", byTenant);
        byTenant.forEach((t, r) -> {
            Validation.argument("tenant", t);
            Validation.argument("rules", r);
        });
        byTenant = Map.copyOf(byTenant);
    }

    /** {@code rules} for {@code tenant}. */
    public static TenantDuplicateRules of(TenantId tenant, DuplicateRules rules) {
        return new TenantDuplicateRules(Map.of(Validation.argument("tenant", tenant),
                Validation.argument("rules", rules)));
    }

    /** These, and {@code rules} for {@code tenant}. */
    public TenantDuplicateRules and(TenantId tenant, DuplicateRules rules) {
        Map<TenantId, DuplicateRules> more = new HashMap<>(byTenant);
        more.put(Validation.argument("tenant", tenant), Validation.argument("rules", rules));
        return new TenantDuplicateRules(more);
    }

    /** The rules the acting tenant of {@code ctx} is matched by: its own, else the {@code Crm}'s. */
    static DuplicateRules forActor(CrmContext<?> ctx) {
        DuplicateRules common = ctx.setting(DuplicateRules.class, DuplicateRules::defaults);
        TenantDuplicateRules own = ctx.setting(TenantDuplicateRules.class, () -> null);
        return own == null ? common : own.byTenant.getOrDefault(ctx.actor().tenant(), common);
    }
}
