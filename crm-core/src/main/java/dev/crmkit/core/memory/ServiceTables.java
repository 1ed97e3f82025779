package dev.crmkit.core.memory;

import static dev.crmkit.core.memory.TenantTables.index;
import static dev.crmkit.core.memory.TenantTables.one;

import dev.crmkit.core.common.CaseId;
import dev.crmkit.core.memory.MemoryTable.IndexSpec;
import dev.crmkit.core.service.Article;
import dev.crmkit.core.service.ArticleId;
import dev.crmkit.core.service.ArticleTerms;
import dev.crmkit.core.service.Case;
import dev.crmkit.core.service.ProductInfo;
import dev.crmkit.core.service.ProductInfoId;
import dev.crmkit.core.service.ServiceContract;
import dev.crmkit.core.service.ServiceContractId;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;

/** One tenant's service tracking tables; guarded by the tenant's lock like every table in {@link TenantTables}. */
final class ServiceTables {
    final MemoryTable<CaseId, Case> cases = new MemoryTable<>("Case", Case::id, List.of(
            new IndexSpec<>("trackingNumber", c -> one(c.trackingNumber()), true),
            index("contact", c -> one(c.regarding().contact())),
            index("account", c -> one(c.regarding().account())),
            index("article", Case::articles)));

    /**
     * Open cases by their next unmet target (first response not given yet, or resolution): escalation reads the
     * overdue head of this map instead of every open case.
     */
    final NavigableMap<Instant, Set<CaseId>> deadlines = new TreeMap<>();

    final MemoryTable<ServiceContractId, ServiceContract> contracts = new MemoryTable<>("ServiceContract",
            ServiceContract::id, List.of(index("account", c -> one(c.account()))));

    /** The inverted index: {@code term} maps each word of a published article to the articles containing it. */
    final MemoryTable<ArticleId, Article> articles = new MemoryTable<>("Article", Article::id, List.of(
            index("product", Article::productCodes),
            index("term", a -> ArticleTerms.weights(a).keySet())));

    /** Term weights per published article, kept beside the inverted index so ranking never re-reads the text. */
    final Map<ArticleId, Map<String, Integer>> articleWeights = new HashMap<>();

    final MemoryTable<ProductInfoId, ProductInfo> productInfo = new MemoryTable<>("ProductInfo", ProductInfo::id,
            List.of(new IndexSpec<>("productCode", p -> one(p.productCode()), true),
                    index("product", p -> one(p.product()))));
}
