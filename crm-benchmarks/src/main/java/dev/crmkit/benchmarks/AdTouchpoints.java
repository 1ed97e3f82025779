package dev.crmkit.benchmarks;

import dev.crmkit.core.common.AdId;
import dev.crmkit.core.common.AffiliateId;
import dev.crmkit.core.common.CampaignId;
import dev.crmkit.core.common.Channel;
import dev.crmkit.core.common.Money;
import dev.crmkit.core.common.TouchpointId;
import dev.crmkit.core.tracking.Touchpoint;
import dev.crmkit.core.tracking.TouchpointKind;
import dev.crmkit.reporting.Dimension;
import dev.crmkit.reporting.FactSource;
import dev.crmkit.reporting.FactTable;
import dev.crmkit.reporting.Field;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Synthetic ad touchpoints as plain primitive arrays, and the same facts as a {@link FactTable}: 85% clicks, 10%
 * bulk impression records (1..2000 impressions each), 5% conversions, spread over ads, affiliate sites and days.
 */
final class AdTouchpoints {
    static final int IMPRESSION = 0;
    static final int CLICK = 1;
    static final int CONVERSION = 2;
    static final String[] KINDS = {"AD_IMPRESSION", "AD_CLICK", "CONVERSION"};

    final int rows;
    final int ads;
    final int affiliates;
    final int days;
    final byte[] kind;
    final int[] ad;
    final int[] affiliate;
    final int[] day;
    final int[] count;

    AdTouchpoints(int rows, int ads, int affiliates, int days, long seed) {
        this.rows = rows;
        this.ads = ads;
        this.affiliates = affiliates;
        this.days = days;
        kind = new byte[rows];
        ad = new int[rows];
        affiliate = new int[rows];
        day = new int[rows];
        count = new int[rows];
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < rows; i++) {
            int k = random.nextInt(100);
            kind[i] = (byte) (k < 10 ? IMPRESSION : k < 95 ? CLICK : CONVERSION);
            ad[i] = random.nextInt(ads);
            affiliate[i] = random.nextInt(affiliates);
            day[i] = random.nextInt(days);
            count[i] = kind[i] == IMPRESSION ? 1 + random.nextInt(2000) : 1;
        }
    }

    /** The same facts, keyed as the loader keys them: kinds by name, ids as text, days as dates. */
    FactTable table() {
        String[] adKeys = keys("0190a0b0-0000-7000-8000-0000000a%04x", ads);
        String[] affiliateKeys = keys("0190a0b0-0000-7000-8000-0000000f%04x", affiliates);
        LocalDate[] dates = new LocalDate[days];
        for (int d = 0; d < days; d++) {
            dates[d] = LocalDate.of(2026, 1, 1).plusDays(d);
        }
        FactTable.Builder b = FactTable.builder(FactSource.TOUCHPOINTS,
                EnumSet.of(Dimension.KIND, Dimension.AD, Dimension.AFFILIATE, Dimension.DAY), EnumSet.of(Field.COUNT));
        for (int i = 0; i < rows; i++) {
            b.set(Dimension.KIND, KINDS[kind[i]]).set(Dimension.AD, adKeys[ad[i]])
                    .set(Dimension.AFFILIATE, affiliateKeys[affiliate[i]]).time(dates[day[i]])
                    .setUnits(Field.COUNT, count[i]).add();
        }
        return b.build();
    }

    static String[] keys(String format, int n) {
        String[] keys = new String[n];
        for (int i = 0; i < n; i++) {
            keys[i] = String.format(format, i);
        }
        return keys;
    }

    /**
     * The ad-performance report as a programmer would write it for this one report: dense arrays indexed by ad,
     * affiliate and day; a row per non-empty group with its ratios.
     */
    double[][] adPerformanceByHand() {
        AdTouchpoints d = this;
        int groups = d.ads * d.affiliates * d.days;
        long[] impressions = new long[groups];
        long[] clicks = new long[groups];
        long[] conversions = new long[groups];
        boolean[] seen = new boolean[groups];
        byte[] kind = d.kind;
        int[] ad = d.ad;
        int[] affiliate = d.affiliate;
        int[] day = d.day;
        int[] count = d.count;
        for (int i = 0; i < d.rows; i++) {
            int g = (ad[i] * d.affiliates + affiliate[i]) * d.days + day[i];
            seen[g] = true;
            switch (kind[i]) {
                case IMPRESSION -> impressions[g] += count[i];
                case CLICK -> clicks[g] += count[i];
                default -> conversions[g]++;
            }
        }
        int n = 0;
        for (boolean s : seen) {
            n += s ? 1 : 0;
        }
        double[][] rows = new double[n][];
        int r = 0;
        for (int g = 0; g < groups; g++) {
            if (seen[g]) {
                rows[r++] = new double[] {g, impressions[g], clicks[g], conversions[g],
                        impressions[g] == 0 ? Double.NaN : (double) clicks[g] / impressions[g],
                        clicks[g] == 0 ? Double.NaN : (double) conversions[g] / clicks[g]};
            }
        }
        return rows;
    }

    /**
     * Rows {@code [from, to)} as touchpoints of {@code ads} on {@code affiliates}, day 0 being {@code firstDay} (UTC),
     * at a time of day that varies by row; conversions are worth 10.00 EUR.
     */
    List<Touchpoint> touchpoints(int from, int to, LocalDate firstDay, List<AdId> adIds, List<AffiliateId> sites,
                                 CampaignId campaign) {
        List<Touchpoint> out = new ArrayList<>(to - from);
        Instant start = firstDay.atStartOfDay(ZoneOffset.UTC).toInstant();
        Money conversionValue = Money.of("10.00", "EUR");
        for (int i = from; i < to; i++) {
            TouchpointKind k = kind[i] == IMPRESSION ? TouchpointKind.AD_IMPRESSION
                    : kind[i] == CLICK ? TouchpointKind.AD_CLICK : TouchpointKind.CONVERSION;
            Instant at = start.plusSeconds(day[i] * 86_400L + i % 86_400);
            out.add(new Touchpoint(TouchpointId.of(new UUID(0x0190a0b000007000L, 0x8000000000000000L | i)), k, at,
                    null, null, null, null, null, campaign, adIds.get(ad[i]), sites.get(affiliate[i]), Channel.WEB,
                    count[i], k == TouchpointKind.CONVERSION ? conversionValue : null, null, null, null, null, null,
                    null, null, null));
        }
        return out;
    }
}
