package dev.crmkit.core.sales;

/**
 * How sure a rep is of an opportunity, for forecasts. Open stages map to PIPELINE, BEST_CASE or COMMIT; a won
 * opportunity is CLOSED and a lost one OMITTED (left out of every forecast total except its own).
 */
public enum ForecastCategory {
    PIPELINE, BEST_CASE, COMMIT, CLOSED, OMITTED;

    /** True for the categories an open stage may have. */
    public boolean isOpen() {
        return this == PIPELINE || this == BEST_CASE || this == COMMIT;
    }
}
