package dev.crmkit.core.service;

import dev.crmkit.core.sales.SalesTx;

/**
 * The storage transaction as this capability sees it: the repositories of service tracking, over those of sales,
 * customers and tracking.
 */
public interface ServiceTx extends SalesTx {
    CaseRepository cases();

    ServiceContractRepository serviceContracts();

    ArticleRepository articles();

    ProductInfoRepository productInfo();
}
