package dev.crmkit.core.service;

import dev.crmkit.core.common.AccountId;
import dev.crmkit.core.common.ProductId;
import dev.crmkit.core.common.Versioned;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A service contract (entitlement) of an account: valid from {@code startDate} to {@code endDate} inclusive (open
 * ended when null), covering the listed products — or every product when both product sets are empty — with a
 * service level per priority. Dates are days in the business hours' zone, or UTC without hours.
 *
 * @param hours business hours the targets count in; null means round the clock
 */
public record ServiceContract(
        ServiceContractId id,
        long version,
        AccountId account,
        String name,
        LocalDate startDate,
        @Nullable LocalDate endDate,
        Set<ProductId> products,
        Set<String> productCodes,
        Map<CasePriority, ServiceLevel> levels,
        @Nullable BusinessHours hours,
        Instant createdAt,
        Instant updatedAt) implements Versioned<ServiceContractId, ServiceContract> {

    public ServiceContract {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(startDate, "startDate");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        products = products == null ? Set.of() : Set.copyOf(products);
        productCodes = productCodes == null ? Set.of() : Set.copyOf(productCodes);
        levels = levels == null ? Map.of() : Map.copyOf(levels);
    }

    /** True when the contract is valid at {@code at}. */
    public boolean activeAt(Instant at) {
        LocalDate day = LocalDate.ofInstant(at, zone());
        return !day.isBefore(startDate) && (endDate == null || !day.isAfter(endDate));
    }

    /** True when a case about this product (either reference may be null) falls under the contract. */
    public boolean covers(@Nullable ProductId product, @Nullable String productCode) {
        if (products.isEmpty() && productCodes.isEmpty()) {
            return true;
        }
        return (product != null && products.contains(product))
                || (productCode != null && productCodes.contains(productCode));
    }

    /** When a target of {@code amount} from {@code start} is due, in business time if the contract has hours. */
    public Instant due(Instant start, Duration amount) {
        return hours == null ? start.plus(amount) : hours.plus(start, amount);
    }

    /** The targets for {@code priority}; a contract has one level per priority (the service checks that on save). */
    public ServiceLevel level(CasePriority priority) {
        ServiceLevel level = levels.get(priority);
        if (level == null) {
            throw new IllegalStateException("contract " + id + " has no service level for " + priority);
        }
        return level;
    }

    /** The due times of a case of {@code priority} opened at {@code opened} under this contract. */
    Targets targetsFor(Instant opened, CasePriority priority) {
        ServiceLevel level = level(priority);
        return new Targets(id, due(opened, level.firstResponse()), due(opened, level.resolution()), null);
    }

    private ZoneId zone() {
        return hours == null ? ZoneOffset.UTC : hours.zone();
    }

    @Override
    public ServiceContract withVersion(long newVersion) {
        return new ServiceContract(id, newVersion, account, name, startDate, endDate, products, productCodes, levels,
                hours, createdAt, updatedAt);
    }
}
