package dev.crmkit.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * The SQL day of a touchpoint, which migration V30 and the totals' rebuild group by, is its UTC date whatever zone
 * the session runs in: H2 casts a time with zone to a date in the session's zone, which is the JVM's.
 */
class TouchpointUtcDayTest {
    @Test
    void onH2TheDayIsTheUtcDateInASessionOfAnotherZone() throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:h2:mem:utc-day");
             Statement s = c.createStatement()) {
            s.execute("SET TIME ZONE 'Pacific/Kiritimati'"); // UTC+14: 23:30 UTC is the next day there
            s.execute("CREATE TABLE crm_touchpoint (occurred_at TIMESTAMP(6) WITH TIME ZONE)");
            s.execute("INSERT INTO crm_touchpoint VALUES (TIMESTAMP WITH TIME ZONE '2026-03-26 23:30:00+00')");
            try (ResultSet day = s.executeQuery("SELECT " + TouchpointDayTotals.utcDay(Database.H2)
                    + " FROM crm_touchpoint")) {
                day.next();
                assertThat(day.getObject(1, LocalDate.class)).isEqualTo(LocalDate.of(2026, 3, 26));
            }
        }
    }
}
