package dev.crmkit.reporting;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * What a report can group and filter by. Which dimensions a fact has is {@link FactSource#dimensions()}. Every
 * value is a text key: enum constants by name, ids as UUID text, {@link #DAY} as {@code 2026-01-05},
 * {@link #WEEK} as the ISO week {@code 2026-W02}, {@link #MONTH} as {@code 2026-01} (in the report's
 * {@linkplain ReportDefinition#zone() zone}, UTC by default). A missing value
 * is {@code null}. Ads, campaigns and affiliate sites also get their names as labels in a result.
 */
public enum Dimension {
    /** A touchpoint's {@code TouchpointKind}, e.g. {@code AD_CLICK}; a case's {@code CaseKind}. */
    KIND,
    CAMPAIGN,
    AD,
    AFFILIATE,
    CHANNEL,
    /** The rep of a call or visit; for purchases, each rep involved (see {@link FactSource#PURCHASES}). */
    REP,
    /** The anonymous web visitor of a touchpoint. */
    VISITOR,
    LEAD,
    CONTACT,
    ACCOUNT,
    /** A lead's {@code LeadSource}. */
    SOURCE,
    /** The status of a lead, opportunity ({@code OPEN}, {@code WON}, {@code LOST}), case or task. */
    STATUS,
    /** The owning user of a lead, contact, opportunity or case; a task's assignee. */
    OWNER,
    /** ISO 3166 alpha-2 code of the address. */
    COUNTRY,
    REGION,
    CITY,
    AGE_BAND,
    GENDER,
    /** The industry of the contact's account. */
    INDUSTRY,
    /** A contact's lifecycle stage; an opportunity's sales stage name. */
    STAGE,
    /** An opportunity's {@code ForecastCategory}. */
    FORECAST_CATEGORY,
    /** The month an opportunity closes (expected while open, actual once closed), e.g. {@code 2026-03}. */
    CLOSE_MONTH,
    /** A case's or task's priority. */
    PRIORITY,
    /** A case's category. */
    CATEGORY,
    /**
     * Whether a case met its resolution target: {@code MET} (resolved by the due time), {@code MISSED} (resolved
     * late, or escalated for missing it while open), {@code OPEN} (unresolved, not escalated) or {@code NO_TARGET}
     * (no contract). It follows stored data only, so cached results change with the events that change it.
     */
    SLA,
    /** A purchase's product code. */
    PRODUCT,
    /** The {@link PriceBand} of a purchase's unit price. */
    PRICE_BAND,
    /** ISO 4217 code of a money value: group or filter by it when a tenant sells in several currencies. */
    CURRENCY,
    /** The nurture sequence of a step fact (see {@link FactSource#SEQUENCE_STEPS}). */
    SEQUENCE,
    /** The id of a nurture sequence's step, as its definition names it. */
    STEP,
    DAY,
    WEEK,
    MONTH;

    /** True for the calendar dimensions, derived from the fact's time. */
    public boolean isTime() {
        return this == DAY || this == WEEK || this == MONTH;
    }

    /**
     * The key of the calendar period of this dimension that contains {@code day}: for executors that group by the
     * period's first day and key the groups afterwards.
     *
     * @throws IllegalStateException when this is not a calendar dimension
     */
    public String keyOf(LocalDate day) {
        return switch (this) {
            case DAY -> day.toString();
            case WEEK -> new FactTable.WeekOf(day).toString();
            case MONTH -> YearMonth.from(day).toString();
            default -> throw new IllegalStateException(this + " is not a calendar dimension");
        };
    }
}
