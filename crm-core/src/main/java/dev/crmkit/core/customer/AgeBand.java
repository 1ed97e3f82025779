package dev.crmkit.core.customer;

import java.time.LocalDate;
import java.time.Period;

/** Age bands used by demographic reports. */
public enum AgeBand {
    UNDER_18, AGE_18_24, AGE_25_34, AGE_35_44, AGE_45_54, AGE_55_64, AGE_65_PLUS;

    public static AgeBand ofAge(int years) {
        if (years < 18) {
            return UNDER_18;
        }
        if (years < 25) {
            return AGE_18_24;
        }
        if (years < 35) {
            return AGE_25_34;
        }
        if (years < 45) {
            return AGE_35_44;
        }
        if (years < 55) {
            return AGE_45_54;
        }
        return years < 65 ? AGE_55_64 : AGE_65_PLUS;
    }

    public static AgeBand of(LocalDate birthDate, LocalDate today) {
        return ofAge(Period.between(birthDate, today).getYears());
    }
}
