package dev.crmkit.core.service;

import dev.crmkit.core.common.AccountId;
import dev.crmkit.core.spi.Repository;
import java.util.List;

/** Storage port for service contracts; lists are ordered by start date, then id. */
public interface ServiceContractRepository extends Repository<ServiceContractId, ServiceContract> {
    List<ServiceContract> findByAccount(AccountId account);

    @Override
    default String kind() {
        return "ServiceContract";
    }
}
