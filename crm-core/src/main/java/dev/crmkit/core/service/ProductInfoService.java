package dev.crmkit.core.service;

import dev.crmkit.core.common.ProductId;
import dev.crmkit.core.common.Text;
import dev.crmkit.core.common.Validation;
import dev.crmkit.core.context.CrmContext;
import dev.crmkit.core.service.ServiceEvent.ProductInfoSaved;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Product information for agents: specifications and documents, keyed by product code. */
public final class ProductInfoService {
    private final CrmContext<? extends ServiceTx> ctx;

    /** Created by {@code Crm}; hosts obtain it from the facade. */
    public ProductInfoService(CrmContext<? extends ServiceTx> ctx) {
        this.ctx = ctx;
    }

    /**
     * Creates or replaces the information for the product code. Document links must be absolute http(s) URLs;
     * every invalid field is reported at once.
     */
    public ProductInfo save(ProductInfoDetails d) {
        Validation.argument("details", d);
        Validation v = new Validation();
        String code = v.requireText("productCode", d.productCode());
        v.maxLength("productCode", code, ServiceLimits.PRODUCT_CODE);
        String name = v.requireText("name", d.name());
        Map<String, String> specs = new LinkedHashMap<>();
        if (d.specifications() != null) {
            d.specifications().forEach((k, val) -> {
                String key = Text.blankToNull(k);
                String value = Text.blankToNull(val);
                if (v.check(key != null && value != null, "specifications", "need a name and a value")) {
                    specs.put(key, value);
                }
            });
        }
        List<ProductDocument> docs = new ArrayList<>();
        if (d.documents() != null) {
            for (int i = 0; i < d.documents().size(); i++) {
                ProductDocument doc = d.documents().get(i);
                v.check(doc != null && isWebLink(doc.url()), "documents[" + i + "].url",
                        "must be an absolute http(s) URL");
                docs.add(doc);
            }
        }
        v.throwIfInvalid();
        String productCode = Validation.checked(code);
        String productName = Validation.checked(name);
        return ctx.write(tx -> {
            Optional<ProductInfo> old = tx.productInfo().findByProductCode(productCode);
            ProductInfo saved = tx.productInfo().save(new ProductInfo(
                    old.map(ProductInfo::id).orElseGet(() -> ProductInfoId.of(ctx.newId())),
                    old.map(ProductInfo::version).orElse(0L), productCode, d.product(), productName,
                    Text.blankToNull(d.summary()), specs, docs, ctx.now()));
            ctx.raise(new ProductInfoSaved(ctx.actor().tenant(), ctx.now(), saved));
            return saved;
        });
    }

    private static boolean isWebLink(String url) {
        if (url == null) {
            return false;
        }
        try {
            URI uri = new URI(url);
            return uri.isAbsolute() && uri.getHost() != null
                    && ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()));
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /** The information for the product code, if any. */
    public Optional<ProductInfo> byCode(String productCode) {
        String code = Text.blankToNull(productCode);
        return code == null ? Optional.empty() : ctx.read(tx -> tx.productInfo().findByProductCode(code));
    }

    /** The information linked to the catalog product. */
    public List<ProductInfo> byProduct(ProductId product) {
        return ctx.read(tx -> tx.productInfo().findByProduct(product));
    }
}
