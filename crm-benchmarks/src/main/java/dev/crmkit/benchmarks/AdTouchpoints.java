package dev.crmkit.benchmarks;

import dev.crmkit.reporting.Dimension;
import dev.crmkit.reporting.FactSource;
import dev.crmkit.reporting.FactTable;
import dev.crmkit.reporting.Field;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.SplittableRandom;

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
}
