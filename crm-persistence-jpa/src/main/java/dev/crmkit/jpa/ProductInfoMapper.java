package dev.crmkit.jpa;

import dev.crmkit.core.common.ProductId;
import dev.crmkit.core.service.ProductDocument;
import dev.crmkit.core.service.ProductInfo;
import dev.crmkit.core.service.ProductInfoId;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@link ProductInfo} to {@link ProductInfoEntity} and back. */
final class ProductInfoMapper {
    private ProductInfoMapper() {
    }

    static ProductInfoEntity toRow(ProductInfo p) {
        ProductInfoEntity r = new ProductInfoEntity();
        r.productCode = p.productCode();
        r.productId = Ids.uuid(p.product());
        r.name = p.name();
        r.summary = p.summary();
        // A list of pairs, not a JSON object: agents read the specifications in the order they were given.
        r.specifications = JsonColumns.objects(p.specifications().entrySet().stream().toList(),
                e -> JsonColumns.object().put("name", e.getKey()).put("value", e.getValue()));
        r.documents = JsonColumns.objects(p.documents(), d -> JsonColumns.object()
                .put("title", d.title()).put("url", d.url()).put("kind", d.kind()));
        r.updatedAt = p.updatedAt();
        return r;
    }

    static ProductInfo toProductInfo(ProductInfoEntity r) {
        Map<String, String> specifications = new LinkedHashMap<>();
        JsonColumns.objects(r.specifications, n -> specifications.put(n.get("name").asText(),
                JsonColumns.text(n, "value")));
        return new ProductInfo(ProductInfoId.of(r.id), r.version, r.productCode,
                r.productId == null ? null : ProductId.of(r.productId), r.name, r.summary, specifications,
                JsonColumns.objects(r.documents, n -> new ProductDocument(n.get("title").asText(),
                        n.get("url").asText(), JsonColumns.text(n, "kind"))),
                r.updatedAt);
    }
}
