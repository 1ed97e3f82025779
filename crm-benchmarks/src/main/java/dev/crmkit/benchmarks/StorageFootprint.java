package dev.crmkit.benchmarks;

import dev.crmkit.core.Crm;
import dev.crmkit.core.common.Actor;
import dev.crmkit.core.common.CampaignId;
import dev.crmkit.core.common.Channel;
import dev.crmkit.core.common.TenantId;
import dev.crmkit.core.common.UserId;
import dev.crmkit.core.lead.Identity;
import dev.crmkit.core.lead.Lead;
import dev.crmkit.core.lead.LeadSource;
import dev.crmkit.core.lead.LeadStatus;
import dev.crmkit.core.lead.NewLead;
import dev.crmkit.core.lead.Origin;
import dev.crmkit.core.lead.Reach;
import dev.crmkit.core.memory.InMemoryStorage;
import dev.crmkit.core.storage.Storage;
import dev.crmkit.core.tracking.AdDetails;
import dev.crmkit.core.tracking.CampaignDetails;
import dev.crmkit.core.tracking.TrackedActivity;
import java.lang.ref.Reference;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The heap the in-memory storage retains per record, rows and indexes together (used heap after GC, before and
 * after): ad clicks recorded through {@code tracking().recordAll} in batches of 1,000 (100,000 visitors, each click
 * with its external id, so the idempotency index is counted), and the people of {@link MatchingCaptureBenchmark}
 * stored as leads with their blocking keys. Issue 15 asks for at most 128 bytes per touchpoint. {@code tenants}
 * counts per tenant of many small ones (a campaign, an ad, ten clicks each): the fixed cost of a tenant's tables.
 * Run: {@code java -Xmx6g -cp crm-benchmarks/target/benchmarks.jar dev.crmkit.benchmarks.StorageFootprint
 * [touchpoints|leads|tenants] [count]}.
 */
public final class StorageFootprint {
    private StorageFootprint() {
    }

    public static void main(String[] args) {
        String what = args.length > 0 ? args[0] : "touchpoints";
        int count = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        long before = FactStoreFootprint.usedHeap();
        Object kept = what.equals("leads") ? leads(count) : what.equals("tenants") ? smallTenants(count)
                : touchpoints(count);
        long after = FactStoreFootprint.usedHeap();
        System.out.printf("%,d %s: %,d bytes retained, %.0f bytes each%n", count, what, after - before,
                (after - before) / (double) count);
        Reference.reachabilityFence(kept); // the storage stays reachable until measured
    }

    private static Storage touchpoints(int count) {
        InMemoryStorage storage = InMemoryStorage.create();
        Crm crm = Crm.builder().storage(storage).actor(new Actor(TenantId.of("footprint"), UserId.of("bench"),
                Set.of(Actor.MANAGER, Actor.ADMIN))).build();
        CampaignId launch = crm.tracking().createCampaign(CampaignDetails.named("Launch", Channel.WEB));
        crm.tracking().createAd(new AdDetails(launch, "Banner", "AD-1", "https://shop.example/launch"));
        Instant now = Instant.now();
        for (int from = 0; from < count; from += 1000) {
            List<TrackedActivity> clicks = new ArrayList<>(1000);
            for (long k = from; k < Math.min(count, from + 1000); k++) {
                clicks.add(new TrackedActivity.AdClick("click-" + k, now, "visitor-" + k % 100_000, "AD-1", null,
                        "https://shop.example/launch"));
            }
            crm.tracking().recordAll(clicks);
        }
        return storage;
    }

    /** {@code count} tenants, each with a campaign, an ad and ten clicks: what a host of many small tenants holds. */
    private static Storage smallTenants(int count) {
        InMemoryStorage storage = InMemoryStorage.create();
        Instant now = Instant.now();
        for (int t = 0; t < count; t++) {
            Crm crm = Crm.builder().storage(storage).actor(new Actor(TenantId.of("tenant-" + t), UserId.of("bench"),
                    Set.of(Actor.MANAGER, Actor.ADMIN))).build();
            CampaignId launch = crm.tracking().createCampaign(CampaignDetails.named("Launch", Channel.WEB));
            crm.tracking().createAd(new AdDetails(launch, "Banner", "AD-1", "https://shop.example/launch"));
            List<TrackedActivity> clicks = new ArrayList<>(10);
            for (int k = 0; k < 10; k++) {
                clicks.add(new TrackedActivity.AdClick("click-" + k, now, "visitor-" + k, "AD-1", null,
                        "https://shop.example/launch"));
            }
            crm.tracking().recordAll(clicks);
        }
        return storage;
    }

    private static Storage leads(int count) {
        return StoredLeads.inMemory(count, (i, t) -> {
            NewLead p = MatchingCaptureBenchmark.person(i);
            return new Lead(MatchingCaptureBenchmark.storedId(i), 0,
                    new Identity(p.firstName(), p.lastName(), null, null, p.birthDate()),
                    new Reach(null, null, null, p.address()), Origin.of(LeadSource.IMPORT), null, LeadStatus.NEW,
                    null, 0, false, UserId.of("rep"), null, null, null, null, t, t, null);
        });
    }
}
