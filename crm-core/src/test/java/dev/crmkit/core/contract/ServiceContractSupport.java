package dev.crmkit.core.contract;

import dev.crmkit.core.Crm;
import dev.crmkit.core.common.AccountId;
import dev.crmkit.core.common.ContactId;
import dev.crmkit.core.common.DomainEvent;
import dev.crmkit.core.customer.AccountDetails;
import dev.crmkit.core.customer.ContactDetails;
import dev.crmkit.core.service.CasePriority;
import dev.crmkit.core.service.ContractTerms;
import dev.crmkit.core.service.ServiceContract;
import dev.crmkit.core.service.ServiceEvent;
import dev.crmkit.core.service.ServiceLevel;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;

/** Shared setup of the service tracking suites: an account with a contact, and the service events raised. */
public abstract class ServiceContractSupport extends ContractSupport {
    protected static final LocalDate JAN_1 = LocalDate.of(2026, 1, 1);
    protected static final LocalDate DEC_31 = LocalDate.of(2026, 12, 31);

    protected AccountId acme;
    protected ContactId ada;
    protected final List<ServiceEvent> serviceEvents = new ArrayList<>();

    @BeforeEach
    void setUpServiceCustomer() {
        acme = crm.accounts().create(AccountDetails.named("Acme"));
        ada = crm.contacts().create(ContactDetails.of(acme, "Ada", "Lovelace", "ada@example.com")
                .withPhone("+44 20 7946 0958"));
        crm.events().subscribe(ServiceEvent.class, serviceEvents::add);
    }

    /**
     * Targets per priority: URGENT 1h/4h, HIGH 2h/8h, MEDIUM 4h/2d, LOW 8h/5d (first response / resolution).
     */
    protected static Map<CasePriority, ServiceLevel> levels() {
        Map<CasePriority, ServiceLevel> m = new EnumMap<>(CasePriority.class);
        m.put(CasePriority.URGENT, ServiceLevel.of(Duration.ofHours(1), Duration.ofHours(4)));
        m.put(CasePriority.HIGH, ServiceLevel.of(Duration.ofHours(2), Duration.ofHours(8)));
        m.put(CasePriority.MEDIUM, ServiceLevel.of(Duration.ofHours(4), Duration.ofDays(2)));
        m.put(CasePriority.LOW, ServiceLevel.of(Duration.ofHours(8), Duration.ofDays(5)));
        return m;
    }

    /** A round-the-clock contract of Acme for all products during 2026. */
    protected ServiceContract goldContract() {
        return crm.serviceContracts().create(ContractTerms.of(acme, "Gold", JAN_1, DEC_31, levels()));
    }

    /** The events of {@code type} raised so far. */
    protected <E extends DomainEvent> List<E> events(Class<E> type) {
        return serviceEvents.stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** The same storage, clock and actor with a service configuration; its events are collected too. */
    protected Crm crmWith(Object setting) {
        Crm configured = Crm.builder().storage(storage()).clock(clock).actor(actor).with(setting).build();
        configured.events().subscribe(ServiceEvent.class, serviceEvents::add);
        return configured;
    }
}
