package dev.crmkit.core.service;

import dev.crmkit.core.common.AccountId;
import dev.crmkit.core.common.ProductId;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The terms of a service contract to create or replace. Required: account, name, start date and a service level for
 * every priority; the end date (inclusive) is optional, and so are products (none: all products) and business hours.
 */
public record ContractTerms(AccountId account, String name, LocalDate startDate, @Nullable LocalDate endDate,
                            Set<ProductId> products, Set<String> productCodes, Map<CasePriority, ServiceLevel> levels,
                            @Nullable BusinessHours hours) {

    /** Round-the-clock support for every product of the account. */
    public static ContractTerms of(AccountId account, String name, LocalDate start, LocalDate end,
                                   Map<CasePriority, ServiceLevel> levels) {
        return new ContractTerms(account, name, start, end, Set.of(), Set.of(), levels, null);
    }

    public ContractTerms covering(Set<ProductId> productIds, Set<String> codes) {
        return new ContractTerms(account, name, startDate, endDate, productIds, codes, levels, hours);
    }

    public ContractTerms during(BusinessHours businessHours) {
        return new ContractTerms(account, name, startDate, endDate, products, productCodes, levels, businessHours);
    }
}
