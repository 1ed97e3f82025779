package dev.crmkit.jpa;

import dev.crmkit.core.common.AccountId;
import dev.crmkit.core.service.ServiceContract;
import dev.crmkit.core.service.ServiceContractId;
import dev.crmkit.core.service.ServiceContractRepository;
import java.util.Comparator;
import java.util.List;

final class JpaServiceContractRepository extends JpaRepository<ServiceContractId, ServiceContract,
        ServiceContractEntity> implements ServiceContractRepository {
    private static final Comparator<ServiceContract> MEMORY_ORDER = Comparator.comparing(ServiceContract::startDate)
            .thenComparing(c -> c.id().value());

    JpaServiceContractRepository(JpaTx tx) {
        super(tx, ServiceContractEntity.class);
    }

    @Override
    ServiceContractEntity toRow(ServiceContract contract) {
        return ServiceContractMapper.toRow(contract);
    }

    @Override
    ServiceContract toDomain(ServiceContractEntity row) {
        return ServiceContractMapper.toContract(row);
    }

    @Override
    public List<ServiceContract> findByAccount(AccountId account) {
        return account == null ? List.of()
                : MemoryOrder.sorted(lookup("accountId", account.value(), "r.startDate, r.id"), MEMORY_ORDER);
    }
}
