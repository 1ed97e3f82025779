package dev.crmkit.core.memory;

import dev.crmkit.core.common.AccountId;
import dev.crmkit.core.service.ServiceContract;
import dev.crmkit.core.service.ServiceContractId;
import dev.crmkit.core.service.ServiceContractRepository;
import java.util.Comparator;
import java.util.List;

final class MemoryServiceContractRepository extends MemoryRepository<ServiceContractId, ServiceContract>
        implements ServiceContractRepository {
    private static final Comparator<ServiceContract> ORDER = Comparator.comparing(ServiceContract::startDate)
            .thenComparing(ServiceContract::id);

    MemoryServiceContractRepository(MemoryTable<ServiceContractId, ServiceContract> table, MemoryTx tx) {
        super(table, tx);
    }

    @Override
    public List<ServiceContract> findByAccount(AccountId account) {
        return lookup("account", account, ORDER);
    }
}
