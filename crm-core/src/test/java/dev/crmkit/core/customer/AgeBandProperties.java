package dev.crmkit.core.customer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crmkit.core.Crm;
import dev.crmkit.core.common.ContactId;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class AgeBandProperties {
    private static final LocalDate TODAY = LocalDate.of(2026, 1, 5);

    @Property
    void anEarlierBirthDateNeverGivesAYoungerBand(@ForAll @IntRange(min = 0, max = 45000) int daysOld,
                                                  @ForAll @IntRange(min = 0, max = 45000) int moreDays) {
        LocalDate younger = TODAY.minusDays(daysOld);
        LocalDate older = younger.minusDays(moreDays);
        assertThat(AgeBand.of(older, TODAY)).isGreaterThanOrEqualTo(AgeBand.of(younger, TODAY));
    }

    @Property
    void aLaterDayNeverGivesAYoungerBand(@ForAll @IntRange(min = 0, max = 45000) int daysOld,
                                         @ForAll @IntRange(min = 0, max = 45000) int daysLater) {
        LocalDate birth = TODAY.minusDays(daysOld);
        assertThat(AgeBand.of(birth, TODAY.plusDays(daysLater))).isGreaterThanOrEqualTo(AgeBand.of(birth, TODAY));
    }

    @Property(tries = 50)
    void contactsGetTheBandOfTheirBirthDateOnTheCrmClock(@ForAll @IntRange(min = 0, max = 45000) int daysOld) {
        Crm crm = Crm.builder().clock(Clock.fixed(TODAY.atStartOfDay(ZoneOffset.UTC).toInstant(), ZoneOffset.UTC))
                .build();
        LocalDate birth = TODAY.minusDays(daysOld);
        ContactId id = crm.contacts().create(ContactDetails.of(null, "Ada", "Lovelace", null).withBirthDate(birth));
        assertThat(crm.contacts().get(id).demographics().ageBand()).isEqualTo(AgeBand.of(birth, TODAY));
    }
}
