package dev.crmkit.core.spi;

import dev.crmkit.core.common.TenantId;
import dev.crmkit.core.customer.AccountRepository;
import dev.crmkit.core.customer.ContactRepository;
import dev.crmkit.core.customer.FeedbackRepository;
import dev.crmkit.core.customer.PurchaseRepository;
import dev.crmkit.core.lead.LeadRepository;
import dev.crmkit.core.service.ArticleRepository;
import dev.crmkit.core.service.CaseRepository;
import dev.crmkit.core.service.ProductInfoRepository;
import dev.crmkit.core.service.ServiceContractRepository;
import dev.crmkit.core.tracking.AdRepository;
import dev.crmkit.core.tracking.AffiliateRepository;
import dev.crmkit.core.tracking.CampaignRepository;
import dev.crmkit.core.tracking.TouchpointRepository;

/** One open transaction for one tenant: a repository per aggregate. Valid only inside the storage call. */
public interface StorageTx {
    TenantId tenant();

    LeadRepository leads();

    AccountRepository accounts();

    ContactRepository contacts();

    PurchaseRepository purchases();

    FeedbackRepository feedback();

    CampaignRepository campaigns();

    AdRepository ads();

    AffiliateRepository affiliates();

    TouchpointRepository touchpoints();

    /** Named per-tenant counters (tracking numbers, round-robin positions); writes need a write transaction. */
    Sequences sequences();

    // service: cases, service contracts, knowledge base, product information
    CaseRepository cases();

    ServiceContractRepository serviceContracts();

    ArticleRepository articles();

    ProductInfoRepository productInfo();
}
