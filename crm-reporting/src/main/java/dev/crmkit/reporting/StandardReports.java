package dev.crmkit.reporting;

import static dev.crmkit.reporting.Dimension.KIND;

import java.util.List;

/**
 * Ready-made report definitions for the questions a CRM exists for. Each is plain data: run it as it is, or change
 * a copy with {@link ReportDefinition#toBuilder()} (another window, a filter, more rows). Marketing reports cover the
 * last 30 days; the others all time.
 */
public final class StandardReports {
    private static final TimeWindow LAST_30_DAYS = TimeWindow.lastDays(30);

    private StandardReports() {
    }

    private static Measure impressions() {
        return Measure.sum("impressions", Field.COUNT).where(KIND, "AD_IMPRESSION");
    }

    private static Measure clicks() {
        return Measure.sum("clicks", Field.COUNT).where(KIND, "AD_CLICK");
    }

    private static Measure conversions() {
        return Measure.count("conversions").where(KIND, "CONVERSION");
    }

    private static Measure conversionValue() {
        return Measure.sum("revenue", Field.VALUE).where(KIND, "CONVERSION");
    }

    private static ReportDefinition.Builder touchpoints(String name) {
        return ReportDefinition.of(name, FactSource.TOUCHPOINTS).window(LAST_30_DAYS);
    }

    /** Ads by click-through rate (clicks / impressions), best first. */
    public static ReportDefinition adsByClickThroughRate() {
        return touchpoints("Ads by click-through rate").groupBy(Dimension.AD)
                .measure(impressions()).measure(clicks())
                .measure(Measure.ratio("clickThroughRate", "clicks", "impressions"))
                .filter(Filter.notIn(Dimension.AD, (String) null))
                .orderBy(Order.desc("clickThroughRate"), Order.desc("clicks"))
                .build();
    }

    /** Ads by conversion rate (conversions / clicks), best first. */
    public static ReportDefinition adsByConversionRate() {
        return touchpoints("Ads by conversion rate").groupBy(Dimension.AD)
                .measure(clicks()).measure(conversions())
                .measure(Measure.ratio("conversionRate", "conversions", "clicks"))
                .filter(Filter.notIn(Dimension.AD, (String) null))
                .orderBy(Order.desc("conversionRate"), Order.desc("conversions"))
                .build();
    }

    /** Impressions, clicks, conversions, CTR and conversion rate per ad, affiliate site and day. */
    public static ReportDefinition adPerformance() {
        return touchpoints("Ad performance by affiliate and day")
                .groupBy(Dimension.AD, Dimension.AFFILIATE, Dimension.DAY)
                .measure(impressions()).measure(clicks()).measure(conversions())
                .measure(Measure.ratio("clickThroughRate", "clicks", "impressions"))
                .measure(Measure.ratio("conversionRate", "conversions", "clicks"))
                .filter(Filter.notIn(Dimension.AD, (String) null))
                .build();
    }

    /** Affiliate sites by the clicks of prospects they sent, with the number of distinct visitors clicking. */
    public static ReportDefinition affiliatesByProspectClicks() {
        return touchpoints("Affiliate sites by prospect clicks").groupBy(Dimension.AFFILIATE)
                .measure(clicks())
                .measure(Measure.countDistinct("prospects", Dimension.VISITOR).where(KIND, "AD_CLICK"))
                .filter(Filter.notIn(Dimension.AFFILIATE, (String) null))
                .orderBy(Order.desc("clicks"))
                .build();
    }

    /** Affiliate sites by the conversions attributed to them, with their value. */
    public static ReportDefinition affiliatesByConversions() {
        return touchpoints("Affiliate sites by conversions").groupBy(Dimension.AFFILIATE)
                .measure(conversions()).measure(conversionValue())
                .filter(Filter.notIn(Dimension.AFFILIATE, (String) null))
                .orderBy(Order.desc("conversions"), Order.desc("revenue"))
                .build();
    }

    /** Per campaign: leads reached, clicks, conversions and the value converted. */
    public static ReportDefinition campaignPerformance() {
        return touchpoints("Campaign performance").groupBy(Dimension.CAMPAIGN)
                .measure(Measure.countDistinct("leads", Dimension.LEAD))
                .measure(clicks()).measure(conversions()).measure(conversionValue())
                .measure(Measure.ratio("conversionRate", "conversions", "clicks"))
                .filter(Filter.notIn(Dimension.CAMPAIGN, (String) null))
                .orderBy(Order.desc("revenue"), Order.desc("conversions"))
                .build();
    }

    /** Leads captured per attributed campaign and how many converted. */
    public static ReportDefinition leadsByCampaign() {
        return ReportDefinition.of("Leads by campaign", FactSource.LEADS).groupBy(Dimension.CAMPAIGN)
                .measure(Measure.count("leads"))
                .measure(Measure.count("converted").where(Dimension.STATUS, "CONVERTED"))
                .measure(Measure.ratio("conversionRate", "converted", "leads"))
                .orderBy(Order.desc("leads"))
                .build();
    }

    private static ReportDefinition customers(String name, Dimension... by) {
        return ReportDefinition.of(name, FactSource.CONTACTS).groupBy(by)
                .measure(Measure.count("customers"))
                .where(Dimension.STAGE, "CUSTOMER")
                .orderBy(Order.desc("customers"))
                .build();
    }

    /** Customers (contacts who bought) by country and region. */
    public static ReportDefinition customersByCountryAndRegion() {
        return customers("Customers by country and region", Dimension.COUNTRY, Dimension.REGION);
    }

    public static ReportDefinition customersByAgeBand() {
        return customers("Customers by age band", Dimension.AGE_BAND);
    }

    public static ReportDefinition customersByGender() {
        return customers("Customers by gender", Dimension.GENDER);
    }

    /** Customers by their account's industry. */
    public static ReportDefinition customersByIndustry() {
        return customers("Customers by industry", Dimension.INDUSTRY);
    }

    /** Purchases, units and revenue per unit-price band, by revenue. */
    public static ReportDefinition productsByPriceBand() {
        return ReportDefinition.of("Products sold by price band", FactSource.PURCHASES).groupBy(Dimension.PRICE_BAND)
                .measure(Measure.count("purchases")).measure(Measure.sum("units", Field.QUANTITY))
                .measure(Measure.sum("revenue", Field.REVENUE))
                .orderBy(Order.desc("revenue"))
                .build();
    }

    /** Products by average selling price: revenue / units sold, highest first. */
    public static ReportDefinition productsByAverageSellingPrice() {
        return ReportDefinition.of("Products by average selling price", FactSource.PURCHASES)
                .groupBy(Dimension.PRODUCT)
                .measure(Measure.sum("units", Field.QUANTITY)).measure(Measure.sum("revenue", Field.REVENUE))
                .measure(Measure.ratio("averageSellingPrice", "revenue", "units"))
                .orderBy(Order.desc("averageSellingPrice"))
                .build();
    }

    /** Calls and visits per rep and week, with time spent (seconds): productivity tracking. */
    public static ReportDefinition repActivity() {
        return ReportDefinition.of("Rep activity", FactSource.TOUCHPOINTS).groupBy(Dimension.REP, Dimension.WEEK)
                .measure(Measure.count("calls").where(KIND, "PHONE_CALL"))
                .measure(Measure.count("visits").where(KIND, "SITE_VISIT"))
                .measure(Measure.sum("secondsSpent", Field.DURATION))
                .where(KIND, "PHONE_CALL", "SITE_VISIT")
                .orderBy(Order.asc(Dimension.REP), Order.asc(Dimension.WEEK))
                .build();
    }

    /** Every report above. */
    public static List<ReportDefinition> all() {
        return List.of(adsByClickThroughRate(), adsByConversionRate(), adPerformance(), affiliatesByProspectClicks(),
                affiliatesByConversions(), campaignPerformance(), leadsByCampaign(), customersByCountryAndRegion(),
                customersByAgeBand(), customersByGender(), customersByIndustry(), productsByPriceBand(),
                productsByAverageSellingPrice(), repActivity());
    }
}
