package dev.crmkit.jpa;

import jakarta.persistence.Entity;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.time.Instant;

@Entity(name = "PriceBookRow")
@Table(name = "crm_price_book")
@IdClass(TenantKey.class)
class PriceBookEntity extends VersionedRow {
    String name;
    String currency;
    String listPrices;
    Instant createdAt;
    Instant updatedAt;
}
