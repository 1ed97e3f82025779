package dev.crmkit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No personal data in the logs (issue 17): a whole quickstart run, in memory and on an H2 file, logs at INFO and above
 * (slf4j-simple's level here) without the names, email addresses or phone numbers of the people it handles, while
 * the demo's own output (what the host prints) does show them — so the check would notice if they leaked.
 */
class QuickstartLogsTest {
    private static final List<String> PERSONAL = List.of("lovelace", "ada@analytical", "7946", "0958", "babbage");

    @Test
    void aQuickstartRunInMemoryLogsNoNameEmailOrPhone() {
        Run run = run();

        assertThat(run.out.toLowerCase(Locale.ROOT)).as("the demo prints its people").contains("lovelace");
        assertNoPersonalData(run.logs);
    }

    @Test
    void aQuickstartRunOnH2LogsNoNameEmailOrPhone(@TempDir Path dir) {
        Run run = run("--h2", dir.resolve("crm").toString());

        assertThat(run.logs).contains("schema version");
        assertNoPersonalData(run.logs);
    }

    private static void assertNoPersonalData(String logs) {
        String lower = logs.toLowerCase(Locale.ROOT);
        for (String value : PERSONAL) {
            assertThat(lower).as("logs must not carry %s:%n%s", value, logs).doesNotContain(value);
        }
    }

    private record Run(String out, String logs) {
    }

    /** Quickstart.main with standard output and error (where slf4j-simple writes) captured. */
    private static Run run(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        ByteArrayOutputStream logged = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(logged, true, StandardCharsets.UTF_8));
            Quickstart.main(args);
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        return new Run(printed.toString(StandardCharsets.UTF_8), logged.toString(StandardCharsets.UTF_8));
    }
}
