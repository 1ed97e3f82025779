package dev.crmkit.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReportFormatTest {
    private static final String AD1 = "0190a0b0-0000-7000-8000-000000000001";
    private static final String AD2 = "0190a0b0-0000-7000-8000-000000000002";

    private static ReportResult result() {
        return new ReportResult("Ads by CTR", FactSource.TOUCHPOINTS,
                TimeWindow.between(Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-02-01T00:00:00Z")),
                List.of(Dimension.AD, Dimension.DAY), List.of("clicks", "ctr"),
                List.of(new ReportRow(List.of(AD1, "2026-01-05"), List.of(new BigDecimal("1200"),
                                new BigDecimal("0.012500"))),
                        new ReportRow(Arrays.asList(AD2, null), Arrays.asList(new BigDecimal("7"), null))),
                Map.of(Dimension.AD, Map.of(AD1, "Banner \"A\", big", AD2, "B")));
    }

    @Test
    void textIsAlignedWithLabelsAndNumbersRightAligned() {
        assertThat(ReportFormat.TEXT.render(result())).isEqualTo("""
                Ads by CTR [2026-01-01T00:00:00Z .. 2026-02-01T00:00:00Z)
                AD               DAY         clicks       ctr
                ---------------  ----------  ------  --------
                Banner "A", big  2026-01-05    1200  0.012500
                B                (none)           7
                """);
    }

    @Test
    void csvFollowsRfc4180() {
        assertThat(ReportFormat.CSV.render(result())).isEqualTo(
                "AD,AD_LABEL,DAY,clicks,ctr\r\n"
                        + AD1 + ",\"Banner \"\"A\"\", big\",2026-01-05,1200,0.012500\r\n"
                        + AD2 + ",B,,7,\r\n");
    }

    @Test
    void jsonRoundTripsExactly() {
        String json = ReportFormat.JSON.render(result());
        assertThat(json).contains("0.012500").contains("\"Banner \\\"A\\\", big\"");
        assertThat(ReportJson.readResult(json)).isEqualTo(result());
    }
}
