package dev.crmkit.benchmarks;

import dev.crmkit.reporting.Dimension;
import dev.crmkit.reporting.FactSource;
import dev.crmkit.reporting.FactTable;
import dev.crmkit.reporting.Field;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.SplittableRandom;

/**
 * Issue 6 target: the in-memory fact store holds a touchpoint in at most 64 bytes. Builds 10M touchpoints with every
 * touchpoint dimension and field (1M distinct visitors, 200k leads, 50k contacts, 10k accounts, 90 days) and reports
 * the heap retained per touchpoint, measured (used heap after GC, before and after; the key arrays of the generator
 * are counted too, a few bytes per touchpoint) and estimated from array and string sizes.
 * Run: {@code java -Xmx8g -cp crm-benchmarks/target/benchmarks.jar dev.crmkit.benchmarks.FactStoreFootprint [rows]}.
 */
public final class FactStoreFootprint {
    private FactStoreFootprint() {
    }

    public static void main(String[] args) {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 10_000_000;
        // measured from before the keys exist: their strings end up in the table's dictionaries
        long before = usedHeap();
        FactTable.Builder b = FactTable.builder(FactSource.TOUCHPOINTS, FactSource.TOUCHPOINTS.dimensions(),
                FactSource.TOUCHPOINTS.fields());
        String[] kinds = {"AD_IMPRESSION", "AD_CLICK", "CONVERSION", "EMAIL_SENT", "EMAIL_CLICK", "FORM_SUBMISSION",
                "SITE_VISIT", "PHONE_CALL"};
        String[] channels = {"WEB", "EMAIL", "PHONE", "IN_PERSON"};
        String[] campaigns = AdTouchpoints.keys("0190a0b0-0000-7000-8000-0000000c%04x", 20);
        String[] ads = AdTouchpoints.keys("0190a0b0-0000-7000-8000-0000000a%04x", 50);
        String[] affiliates = AdTouchpoints.keys("0190a0b0-0000-7000-8000-0000000f%04x", 20);
        String[] reps = AdTouchpoints.keys("rep-%d", 30);
        String[] visitors = AdTouchpoints.keys("visitor-%07d", 1_000_000);
        String[] leads = AdTouchpoints.keys("0190a0b0-0000-7000-8000-0000001%07x", 200_000);
        String[] contacts = AdTouchpoints.keys("0190a0b0-0000-7000-8000-0000002%07x", 50_000);
        String[] accounts = AdTouchpoints.keys("0190a0b0-0000-7000-8000-0000003%07x", 10_000);
        LocalDate[] days = new LocalDate[90];
        for (int d = 0; d < days.length; d++) {
            days[d] = LocalDate.of(2026, 1, 1).plusDays(d);
        }
        BigDecimal value = new BigDecimal("49.90");
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < rows; i++) {
            int k = random.nextInt(kinds.length);
            boolean known = random.nextInt(10) == 0;
            b.set(Dimension.KIND, kinds[k]).set(Dimension.CHANNEL, channels[random.nextInt(channels.length)])
                    .set(Dimension.CAMPAIGN, campaigns[random.nextInt(campaigns.length)])
                    .set(Dimension.AD, ads[random.nextInt(ads.length)])
                    .set(Dimension.AFFILIATE, affiliates[random.nextInt(affiliates.length)])
                    .set(Dimension.REP, k >= 6 ? reps[random.nextInt(reps.length)] : null)
                    .set(Dimension.VISITOR, visitors[random.nextInt(visitors.length)])
                    .set(Dimension.LEAD, known ? leads[random.nextInt(leads.length)] : null)
                    .set(Dimension.CONTACT, known ? contacts[random.nextInt(contacts.length)] : null)
                    .set(Dimension.ACCOUNT, known ? accounts[random.nextInt(accounts.length)] : null)
                    .set(Dimension.CURRENCY, k == 2 ? "EUR" : null)
                    .time(days[random.nextInt(days.length)])
                    .setUnits(Field.COUNT, k == 0 ? 1 + random.nextInt(2000) : 1)
                    .set(Field.VALUE, k == 2 ? value : null);
            if (k >= 6) {
                b.setUnits(Field.DURATION, random.nextInt(3600));
            }
            b.add();
        }
        FactTable table = b.build();
        long after = usedHeap();
        System.out.printf("touchpoints: %,d%n", table.rows());
        System.out.printf("measured heap per touchpoint:  %.1f bytes%n", (after - before) / (double) table.rows());
        System.out.printf("estimated bytes per touchpoint: %.1f bytes%n", table.estimatedBytes() / (double) table.rows());
    }

    static long usedHeap() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return rt.totalMemory() - rt.freeMemory();
    }
}
