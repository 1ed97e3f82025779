package dev.crmkit.jpa;

import dev.crmkit.core.common.AccountId;
import dev.crmkit.core.service.ServiceContract;
import dev.crmkit.core.service.ServiceContractId;
import dev.crmkit.core.service.ServiceContractRepository;
import java.util.List;

final class JpaServiceContractRepository extends JpaRepository<ServiceContractId, ServiceContract,
        ServiceContractEntity> implements ServiceContractRepository {

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
                : lookup("accountId", account.value(), "r.startDate, r.id");
    }
}
