package dev.crmkit.reporting;

import static dev.crmkit.reporting.Dimension.ACCOUNT;
import static dev.crmkit.reporting.Dimension.AD;
import static dev.crmkit.reporting.Dimension.AFFILIATE;
import static dev.crmkit.reporting.Dimension.AGE_BAND;
import static dev.crmkit.reporting.Dimension.CAMPAIGN;
import static dev.crmkit.reporting.Dimension.CHANNEL;
import static dev.crmkit.reporting.Dimension.CATEGORY;
import static dev.crmkit.reporting.Dimension.CITY;
import static dev.crmkit.reporting.Dimension.CLOSE_MONTH;
import static dev.crmkit.reporting.Dimension.CONTACT;
import static dev.crmkit.reporting.Dimension.COUNTRY;
import static dev.crmkit.reporting.Dimension.CURRENCY;
import static dev.crmkit.reporting.Dimension.DAY;
import static dev.crmkit.reporting.Dimension.FORECAST_CATEGORY;
import static dev.crmkit.reporting.Dimension.GENDER;
import static dev.crmkit.reporting.Dimension.INDUSTRY;
import static dev.crmkit.reporting.Dimension.KIND;
import static dev.crmkit.reporting.Dimension.LEAD;
import static dev.crmkit.reporting.Dimension.MONTH;
import static dev.crmkit.reporting.Dimension.OWNER;
import static dev.crmkit.reporting.Dimension.PRICE_BAND;
import static dev.crmkit.reporting.Dimension.PRIORITY;
import static dev.crmkit.reporting.Dimension.PRODUCT;
import static dev.crmkit.reporting.Dimension.REGION;
import static dev.crmkit.reporting.Dimension.REP;
import static dev.crmkit.reporting.Dimension.SEQUENCE;
import static dev.crmkit.reporting.Dimension.SLA;
import static dev.crmkit.reporting.Dimension.SOURCE;
import static dev.crmkit.reporting.Dimension.STAGE;
import static dev.crmkit.reporting.Dimension.STATUS;
import static dev.crmkit.reporting.Dimension.STEP;
import static dev.crmkit.reporting.Dimension.VISITOR;
import static dev.crmkit.reporting.Dimension.WEEK;

import java.util.EnumSet;
import java.util.Set;

/**
 * The kind of fact a report aggregates: one row per touchpoint, lead, contact, purchase,
 * opportunity, case, task or nurture sequence step. Each source has its own
 * dimensions and fields, and a time its window and calendar dimensions refer to.
 */
public enum FactSource {
    /** One row per touchpoint; time = when it occurred. */
    TOUCHPOINTS(EnumSet.of(KIND, CAMPAIGN, AD, AFFILIATE, CHANNEL, REP, VISITOR, LEAD, CONTACT, ACCOUNT, CURRENCY,
            DAY, WEEK, MONTH), EnumSet.of(Field.COUNT, Field.VALUE, Field.DURATION)),
    /**
     * One row per lead, except leads merged into another (they would count twice); time = when it was captured.
     * Campaign, ad and affiliate are the lead's attribution.
     */
    LEADS(EnumSet.of(SOURCE, STATUS, OWNER, COUNTRY, REGION, CITY, CAMPAIGN, AD, AFFILIATE, LEAD, DAY, WEEK, MONTH),
            EnumSet.of(Field.SCORE)),
    /** One row per contact; time = when it was created. Industry is the contact's account's. */
    CONTACTS(EnumSet.of(COUNTRY, REGION, CITY, AGE_BAND, GENDER, INDUSTRY, STAGE, OWNER, ACCOUNT, CONTACT, DAY, WEEK,
            MONTH), EnumSet.noneOf(Field.class)),
    /**
     * One row per purchase; time = when it was purchased. A purchase involving several reps credits each of them
     * in full when grouped or filtered by {@link Dimension#REP}, so rep rows may add up to more than the total.
     */
    PURCHASES(EnumSet.of(PRODUCT, PRICE_BAND, CURRENCY, REP, ACCOUNT, CONTACT, DAY, WEEK, MONTH),
            EnumSet.of(Field.QUANTITY, Field.UNIT_PRICE, Field.REVENUE)),
    /** One row per opportunity; time = when it was created. */
    OPPORTUNITIES(EnumSet.of(STAGE, STATUS, FORECAST_CATEGORY, OWNER, ACCOUNT, CONTACT, CURRENCY, CLOSE_MONTH, DAY,
            WEEK, MONTH), EnumSet.of(Field.AMOUNT, Field.WEIGHTED_AMOUNT, Field.PROBABILITY, Field.SALES_CYCLE_DAYS)),
    /** One row per service case; time = when it was opened. */
    CASES(EnumSet.of(STATUS, PRIORITY, CATEGORY, KIND, CHANNEL, OWNER, ACCOUNT, CONTACT, PRODUCT, SLA, DAY, WEEK,
            MONTH), EnumSet.of(Field.RESOLUTION_MINUTES, Field.FIRST_RESPONSE_MINUTES)),
    /**
     * One row per task; time = when it was closed (done or cancelled), or created while still open, so "tasks done
     * last week" counts what was finished then.
     */
    TASKS(EnumSet.of(STATUS, PRIORITY, OWNER, DAY, WEEK, MONTH), EnumSet.noneOf(Field.class)),
    /**
     * One row per step a nurture enrollment went through; time = when the person was enrolled. Per sequence and
     * step, a count is how many entered it, and sums of {@link Field#SENT}, {@link Field#CLICKED} and
     * {@link Field#CONVERTED} are its emails sent, those clicked, and enrollments through it whose lead converted:
     * the numbers of {@code crm.sequences().stats}. Enrollments move on without domain events, so these reports are
     * never cached.
     */
    SEQUENCE_STEPS(EnumSet.of(SEQUENCE, STEP, LEAD, DAY, WEEK, MONTH),
            EnumSet.of(Field.SENT, Field.CLICKED, Field.CONVERTED));

    private final Set<Dimension> dimensions;
    private final Set<Field> fields;

    FactSource(Set<Dimension> dimensions, Set<Field> fields) {
        this.dimensions = Set.copyOf(dimensions);
        this.fields = Set.copyOf(fields);
    }

    public Set<Dimension> dimensions() {
        return dimensions;
    }

    public Set<Field> fields() {
        return fields;
    }

    public boolean has(Dimension dimension) {
        return dimensions.contains(dimension);
    }

    public boolean has(Field field) {
        return fields.contains(field);
    }
}
