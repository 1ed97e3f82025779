package dev.crmkit.core.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crmkit.core.Crm;
import dev.crmkit.core.common.Channel;
import dev.crmkit.core.common.CampaignId;
import dev.crmkit.core.common.TouchpointId;
import dev.crmkit.core.tracking.TrackedActivity.AdClick;
import dev.crmkit.core.tracking.TrackedActivity.Conversion;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.UniqueElements;

class TrackingProperties {
    private static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");

    private static Crm crmWithAd() {
        Crm crm = Crm.builder().clock(Clock.fixed(T0.plus(Duration.ofDays(30)), ZoneOffset.UTC)).build();
        CampaignId campaign = crm.tracking().createCampaign(CampaignDetails.named("C", Channel.WEB));
        crm.tracking().createAd(new AdDetails(campaign, "Ad", "AD", null));
        return crm;
    }

    private static AdClick click(String externalId, String visitor, long minute) {
        return new AdClick(externalId, T0.plus(Duration.ofMinutes(minute)), visitor, "AD", null, null);
    }

    @Property(tries = 200)
    void ingestionStoresEachExternalIdOnceAndCountsOnlyNewOnes(
            @ForAll @Size(min = 1, max = 40) List<@IntRange(min = 0, max = 12) Integer> ids,
            @ForAll @IntRange(min = 1, max = 8) int batchSize) {
        Crm crm = crmWithAd();
        int counted = 0;
        for (int from = 0; from < ids.size(); from += batchSize) {
            List<TrackedActivity> batch = new ArrayList<>();
            for (int i = from; i < Math.min(ids.size(), from + batchSize); i++) {
                batch.add(click("e" + ids.get(i), "v", ids.get(i)));
            }
            counted += batch.size() == 1 ? (crm.tracking().record(batch.get(0)) ? 1 : 0)
                    : crm.tracking().recordAll(batch);
        }
        int distinct = new HashSet<>(ids).size();
        List<String> stored = crm.tracking().touchpointsOfVisitor("v").stream().map(Touchpoint::externalEventId)
                .toList();
        assertThat(counted).isEqualTo(distinct);
        assertThat(stored).hasSize(distinct).doesNotHaveDuplicates();
        assertThat(new HashSet<>(stored)).isEqualTo(ids.stream().map(n -> "e" + n).collect(Collectors.toSet()));
    }

    @Property(tries = 200)
    void aConversionIsAttributedToTheEarliestAndLatestClickNotAfterIt(
            @ForAll @UniqueElements @Size(max = 15) List<@IntRange(min = 0, max = 300) Integer> clickMinutes,
            @ForAll @IntRange(min = 0, max = 300) int conversionMinute) {
        Crm crm = crmWithAd();
        List<TrackedActivity> clicks = new ArrayList<>();
        clickMinutes.forEach(m -> clicks.add(click("c" + m, "v", m)));
        clicks.add(click("other", "someone-else", conversionMinute));
        crm.tracking().recordAll(clicks);
        crm.tracking().record(new Conversion("conv", T0.plus(Duration.ofMinutes(conversionMinute)), "v", null, null,
                null, null, null));

        Map<String, Touchpoint> byExternalId = crm.tracking().touchpointsOfVisitor("v").stream()
                .collect(Collectors.toMap(Touchpoint::externalEventId, Function.identity()));
        Touchpoint conversion = byExternalId.get("conv");
        List<Integer> before = clickMinutes.stream().filter(m -> m <= conversionMinute).toList();
        TouchpointId expectedFirst = before.stream().min(Integer::compare)
                .map(m -> byExternalId.get("c" + m).id()).orElse(null);
        TouchpointId expectedLast = before.stream().max(Integer::compare)
                .map(m -> byExternalId.get("c" + m).id()).orElse(null);
        assertThat(conversion.firstClick()).isEqualTo(expectedFirst);
        assertThat(conversion.lastClick()).isEqualTo(expectedLast);
    }
}
