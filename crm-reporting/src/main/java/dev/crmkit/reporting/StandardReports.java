package dev.crmkit.reporting;

import static dev.crmkit.reporting.Dimension.KIND;

import java.util.List;

/**
 * Ready-made report definitions for the questions a CRM exists for. Each is plain data: run it as it is, or change
 * a copy with {@link ReportDefinition#toBuilder()} (another window, a filter, more rows). Marketing reports cover the
 * last 30 days; the others all time. Money sums add up amounts of every currency: tenants selling in several add
 * {@link Dimension#CURRENCY} to the grouping or a filter on it.
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

    /** Tasks done per assignee and week (of completion). */
    public static ReportDefinition tasksDoneByRep() {
        return ReportDefinition.of("Tasks done by rep", FactSource.TASKS).groupBy(Dimension.OWNER, Dimension.WEEK)
                .measure(Measure.count("tasksDone"))
                .where(Dimension.STATUS, "DONE")
                .orderBy(Order.asc(Dimension.OWNER), Order.asc(Dimension.WEEK))
                .build();
    }

    private static ReportDefinition.Builder opportunities(String name) {
        return ReportDefinition.of(name, FactSource.OPPORTUNITIES);
    }

    /** Open opportunities per sales stage: how many, their amount and their probability-weighted amount. */
    public static ReportDefinition pipelineByStage() {
        return opportunities("Pipeline by stage").groupBy(Dimension.STAGE)
                .measure(Measure.count("opportunities")).measure(Measure.sum("amount", Field.AMOUNT))
                .measure(Measure.sum("weightedAmount", Field.WEIGHTED_AMOUNT))
                .where(Dimension.STATUS, "OPEN")
                .orderBy(Order.desc("amount"))
                .build();
    }

    /** The weighted forecast of open opportunities per owner and month of expected close. */
    public static ReportDefinition weightedForecast() {
        return opportunities("Weighted forecast by owner and month").groupBy(Dimension.OWNER, Dimension.CLOSE_MONTH)
                .measure(Measure.sum("weightedAmount", Field.WEIGHTED_AMOUNT))
                .measure(Measure.sum("amount", Field.AMOUNT)).measure(Measure.count("opportunities"))
                .where(Dimension.STATUS, "OPEN")
                .orderBy(Order.asc(Dimension.OWNER), Order.asc(Dimension.CLOSE_MONTH))
                .build();
    }

    /** Per owner: closed opportunities, how many were won, the win rate and the average days to a win. */
    public static ReportDefinition winRateAndSalesCycle() {
        return opportunities("Win rate and sales cycle by owner").groupBy(Dimension.OWNER)
                .measure(Measure.count("closed"))
                .measure(Measure.count("won").where(Dimension.STATUS, "WON"))
                .measure(Measure.ratio("winRate", "won", "closed"))
                .measure(Measure.avg("averageDaysToWin", Field.SALES_CYCLE_DAYS).where(Dimension.STATUS, "WON"))
                .where(Dimension.STATUS, "WON", "LOST")
                .orderBy(Order.desc("winRate"), Order.desc("won"))
                .build();
    }

    private static ReportDefinition.Builder cases(String name) {
        return ReportDefinition.of(name, FactSource.CASES);
    }

    /** Cases per status, priority and category. */
    public static ReportDefinition casesByStatusPriorityAndCategory() {
        return cases("Cases by status, priority and category")
                .groupBy(Dimension.STATUS, Dimension.PRIORITY, Dimension.CATEGORY)
                .measure(Measure.count("cases"))
                .orderBy(Order.desc("cases"))
                .build();
    }

    /** Per priority: cases decided against their resolution target, how many met it, and the compliance rate. */
    public static ReportDefinition slaCompliance() {
        return cases("SLA compliance by priority").groupBy(Dimension.PRIORITY)
                .measure(Measure.count("decided").where(Dimension.SLA, "MET", "MISSED"))
                .measure(Measure.count("met").where(Dimension.SLA, "MET"))
                .measure(Measure.ratio("compliance", "met", "decided"))
                .orderBy(Order.asc("compliance"))
                .build();
    }

    /** Per priority: resolved cases and the mean minutes to first response and to resolution. */
    public static ReportDefinition meanTimeToResolution() {
        return cases("Mean time to resolution by priority").groupBy(Dimension.PRIORITY)
                .measure(Measure.count("resolved").where(Dimension.STATUS, "RESOLVED", "CLOSED"))
                .measure(Measure.avg("meanMinutesToFirstResponse", Field.FIRST_RESPONSE_MINUTES))
                .measure(Measure.avg("meanMinutesToResolution", Field.RESOLUTION_MINUTES))
                .orderBy(Order.desc("meanMinutesToResolution"))
                .build();
    }

    /**
     * Per nurture sequence and step: enrollments that entered it, emails sent, clicked, enrollments whose lead
     * converted, and the click rate of the step's emails (the numbers of {@code crm.sequences().stats}).
     */
    public static ReportDefinition nurtureStepStats() {
        return ReportDefinition.of("Nurture step statistics", FactSource.SEQUENCE_STEPS)
                .groupBy(Dimension.SEQUENCE, Dimension.STEP)
                .measure(Measure.count("entered")).measure(Measure.sum("sent", Field.SENT))
                .measure(Measure.sum("clicked", Field.CLICKED)).measure(Measure.sum("converted", Field.CONVERTED))
                .measure(Measure.ratio("clickRate", "clicked", "sent"))
                .orderBy(Order.asc(Dimension.SEQUENCE), Order.asc(Dimension.STEP))
                .build();
    }

    /** Every report above. */
    public static List<ReportDefinition> all() {
        return List.of(adsByClickThroughRate(), adsByConversionRate(), adPerformance(), affiliatesByProspectClicks(),
                affiliatesByConversions(), campaignPerformance(), leadsByCampaign(), customersByCountryAndRegion(),
                customersByAgeBand(), customersByGender(), customersByIndustry(), productsByPriceBand(),
                productsByAverageSellingPrice(), repActivity(), tasksDoneByRep(), pipelineByStage(),
                weightedForecast(), winRateAndSalesCycle(), casesByStatusPriorityAndCategory(), slaCompliance(),
                meanTimeToResolution(), nurtureStepStats());
    }
}
