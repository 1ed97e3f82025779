package dev.crmkit.core.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crmkit.core.common.AccountId;
import dev.crmkit.core.common.CampaignId;
import dev.crmkit.core.common.ContactId;
import dev.crmkit.core.common.FieldError;
import dev.crmkit.core.common.Money;
import dev.crmkit.core.common.PurchaseId;
import dev.crmkit.core.common.TenantId;
import dev.crmkit.core.common.ValidationException;
import dev.crmkit.core.customer.Purchase;
import dev.crmkit.core.storage.Storage;
import dev.crmkit.core.testkit.HostileDecimals;
import dev.crmkit.core.testkit.Samples;
import dev.crmkit.core.tracking.Campaign;
import java.util.UUID;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * Money on every adapter: for any decimal text a client may send, {@code Money.of} either refuses it with a
 * {@code ValidationException} naming {@code amount} (never another exception), or gives an amount the adapter stores
 * in its money columns and reads back exactly, as a purchase's unit price and a campaign's budget. The same text
 * therefore has the same outcome on every adapter.
 */
public abstract class AmountContract {
    /** The storage under test; each try writes into a tenant of its own. */
    protected abstract Storage storage();

    @Provide
    Arbitrary<String> decimalTexts() {
        return HostileDecimals.texts();
    }

    @Provide
    Arbitrary<String> currencies() {
        return HostileDecimals.currencies();
    }

    @Property(tries = 300)
    public void anyDecimalTextIsRefusedNamingAmountOrStoredAndReadBackExactly(
            @ForAll("decimalTexts") String text, @ForAll("currencies") String currency) {
        Money money;
        try {
            money = Money.of(text, currency);
        } catch (ValidationException e) {
            Statistics.collect("refused");
            assertThat(e.errors()).extracting(FieldError::field).containsExactly("amount");
            return;
        }
        Statistics.collect("stored");
        TenantId tenant = TenantId.of("amt-" + UUID.randomUUID().toString().substring(0, 18));
        Purchase sample = Samples.purchase(PurchaseId.of(UUID.randomUUID()), AccountId.of(UUID.randomUUID()),
                ContactId.of(UUID.randomUUID()));
        Purchase purchase = new Purchase(sample.id(), 0, sample.account(), sample.contact(), sample.productCode(),
                sample.productName(), sample.purchasedAt(), sample.quantity(), money, sample.reps(),
                sample.specialInstructions(), sample.orderReference(), sample.createdAt());
        Campaign sampleCampaign = Samples.campaign(CampaignId.of(UUID.randomUUID()));
        Campaign campaign = new Campaign(sampleCampaign.id(), 0, sampleCampaign.name(), sampleCampaign.channel(),
                sampleCampaign.startDate(), sampleCampaign.endDate(), money, sampleCampaign.targetArea(),
                sampleCampaign.createdAt());
        storage().write(tenant, tx -> {
            tx.purchases().save(purchase);
            tx.campaigns().save(campaign);
            return null;
        });
        storage().read(tenant, tx -> {
            assertThat(tx.purchases().get(purchase.id()).unitPrice()).isEqualTo(money);
            assertThat(tx.campaigns().get(campaign.id()).budget()).isEqualTo(money);
            return null;
        });
    }
}
