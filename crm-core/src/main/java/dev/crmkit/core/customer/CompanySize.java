package dev.crmkit.core.customer;

/** Head-count band of an organisation. */
public enum CompanySize {
    MICRO, SMALL, MEDIUM, LARGE, ENTERPRISE;

    public static CompanySize ofEmployees(int employees) {
        if (employees < 10) {
            return MICRO;
        }
        if (employees < 50) {
            return SMALL;
        }
        if (employees < 250) {
            return MEDIUM;
        }
        return employees < 1000 ? LARGE : ENTERPRISE;
    }
}
