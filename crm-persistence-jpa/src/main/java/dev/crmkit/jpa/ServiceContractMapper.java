package dev.crmkit.jpa;

import dev.crmkit.core.common.AccountId;
import dev.crmkit.core.common.ProductId;
import dev.crmkit.core.service.BusinessHours;
import dev.crmkit.core.service.CasePriority;
import dev.crmkit.core.service.ServiceContract;
import dev.crmkit.core.service.ServiceContractId;
import dev.crmkit.core.service.ServiceLevel;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** {@link ServiceContract} to {@link ServiceContractEntity} and back; business hours are columns of the row. */
final class ServiceContractMapper {
    private ServiceContractMapper() {
    }

    static ServiceContractEntity toRow(ServiceContract c) {
        ServiceContractEntity r = new ServiceContractEntity();
        r.accountId = c.account().value();
        r.name = c.name();
        r.startDate = c.startDate();
        r.endDate = c.endDate();
        r.products = JsonColumns.strings(c.products().stream().map(ProductId::toString).toList());
        r.productCodes = JsonColumns.strings(c.productCodes());
        r.levels = JsonColumns.objects(new EnumMap<>(c.levels()).entrySet().stream().toList(),
                e -> JsonColumns.object().put("priority", e.getKey().name())
                        .put("firstResponse", e.getValue().firstResponse().toString())
                        .put("resolution", e.getValue().resolution().toString()));
        BusinessHours h = c.hours();
        if (h != null) {
            r.hoursZone = h.zone().getId();
            r.hoursOpens = h.opens().toString();
            r.hoursCloses = h.closes().toString();
            r.hoursDays = JsonColumns.strings(h.days().stream().map(Enum::name).toList());
            r.hoursHolidays = JsonColumns.strings(h.holidays().stream().map(LocalDate::toString).toList());
        }
        r.createdAt = c.createdAt();
        r.updatedAt = c.updatedAt();
        return r;
    }

    static ServiceContract toContract(ServiceContractEntity r) {
        Map<CasePriority, ServiceLevel> levels = new EnumMap<>(CasePriority.class);
        JsonColumns.objects(r.levels, n -> levels.put(CasePriority.valueOf(n.get("priority").asText()),
                ServiceLevel.of(Duration.parse(n.get("firstResponse").asText()),
                        Duration.parse(n.get("resolution").asText()))));
        BusinessHours hours = r.hoursZone == null ? null : new BusinessHours(ZoneId.of(r.hoursZone),
                LocalTime.parse(r.hoursOpens), LocalTime.parse(r.hoursCloses),
                JsonColumns.stringSet(r.hoursDays).stream().map(DayOfWeek::valueOf).collect(Collectors.toSet()),
                JsonColumns.stringSet(r.hoursHolidays).stream().map(LocalDate::parse).collect(Collectors.toSet()));
        return new ServiceContract(ServiceContractId.of(r.id), r.version, AccountId.of(r.accountId), r.name,
                r.startDate, r.endDate,
                JsonColumns.stringSet(r.products).stream().map(p -> ProductId.of(UUID.fromString(p)))
                        .collect(Collectors.toSet()),
                JsonColumns.stringSet(r.productCodes), levels, hours, r.createdAt, r.updatedAt);
    }
}
