package dev.crmkit.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.crmkit.core.common.AccountId;
import dev.crmkit.core.common.CrmException;
import dev.crmkit.core.common.DuplicateException;
import dev.crmkit.core.common.LeadId;
import dev.crmkit.core.common.StorageException;
import dev.crmkit.core.common.TenantId;
import dev.crmkit.core.testkit.Samples;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;

/**
 * Database failures on every database never carry a person's data: not in the exception's message, not anywhere in
 * its printed stack trace (the causes the driver made), and not in what the logs received meanwhile (Hibernate logs
 * each failed statement at ERROR; captured here from standard error, where slf4j-simple writes, and from
 * java.util.logging). The failures are a duplicate key, a check constraint (PostgreSQL quotes the whole failing row)
 * and a value too long (H2 quotes the value), provoked with constraints this test adds to a schema of its own.
 */
@EachDatabase
class PersonalDataInErrorsTest {
    private static final String PHONE_DIGITS = "2079460958"; // Samples.lead's phone, as any database stores it

    @Parameter
    TestDatabase database;

    private final TenantId tenant = TenantId.of("t-" + UUID.randomUUID().toString().substring(0, 8));
    private final String secret = "pii" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    private final CapturedLogs logs = new CapturedLogs();
    private TestDatabase.Fresh schema;
    private JpaStorage storage;

    @BeforeEach
    void schemaWithConstraintsThatRefuseRows() throws Exception {
        schema = database.fresh();
        DataSource pool = schema.newPool();
        storage = JpaStorage.create(pool);
        try (Connection c = schema.connect(); Statement s = c.createStatement()) {
            s.execute("CREATE UNIQUE INDEX test_unique_email ON crm_lead (tenant_id, email)");
            s.execute("ALTER TABLE crm_lead ADD CONSTRAINT test_refused CHECK (email NOT LIKE 'refused%')");
        }
        logs.start();
    }

    @AfterEach
    void close() throws Exception {
        logs.stop();
        storage.close();
        schema.close();
    }

    @Test
    void aDuplicateKeyNamesTheConstraintAndNoValue() {
        String email = secret + "@example.com";
        storage.write(tenant, tx -> tx.leads().save(Samples.lead(LeadId.of(UUID.randomUUID()), email)));

        Throwable thrown = catchThrowable(() -> storage.write(tenant,
                tx -> tx.leads().save(Samples.lead(LeadId.of(UUID.randomUUID()), email))));

        assertThat(thrown).isInstanceOf(DuplicateException.class);
        assertThat(thrown.getMessage().toLowerCase(Locale.ROOT)).contains("test_unique_email");
        assertNoPersonalData(thrown);
        assertThat(logs.text().toLowerCase(Locale.ROOT)).as("the failure was logged, and captured")
                .contains("test_unique_email");
    }

    @Test
    void aRowRefusedByACheckConstraintIsNotQuoted() {
        Throwable thrown = catchThrowable(() -> storage.write(tenant,
                tx -> tx.leads().save(Samples.lead(LeadId.of(UUID.randomUUID()), "refused." + secret + "@example.com"))));

        assertThat(thrown).isInstanceOf(StorageException.class);
        assertNoPersonalData(thrown);
        assertThat(logs.text().toLowerCase(Locale.ROOT)).contains("test_refused");
    }

    @Test
    void aValueTooLongIsNotQuoted() {
        // A name over its column's 255 characters: the record does not check it, the service would.
        String name = secret + " Analytical Engines".repeat(20);
        Throwable thrown = catchThrowable(() -> storage.write(tenant,
                tx -> tx.accounts().save(Samples.account(AccountId.of(UUID.randomUUID()), name))));

        assertThat(thrown).isInstanceOf(StorageException.class);
        assertNoPersonalData(thrown);
        assertThat(logs.text()).isNotEmpty();
    }

    private void assertNoPersonalData(Throwable thrown) {
        assertThat(thrown).isInstanceOf(CrmException.class);
        StringWriter trace = new StringWriter();
        thrown.printStackTrace(new PrintWriter(trace));
        for (String text : List.of(thrown.getMessage(), trace.toString(), logs.text())) {
            assertThat(text).doesNotContain(secret).doesNotContain(PHONE_DIGITS).doesNotContain("Lovelace")
                    .doesNotContain("Analytical");
        }
    }

    /** Standard error (slf4j-simple's target) and java.util.logging records, while started. */
    private static final class CapturedLogs {
        private final ByteArrayOutputStream err = new ByteArrayOutputStream();
        private final List<String> records = new CopyOnWriteArrayList<>();
        private final Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                StringWriter text = new StringWriter();
                text.append(record.getMessage()).append('\n');
                if (record.getThrown() != null) {
                    record.getThrown().printStackTrace(new PrintWriter(text));
                }
                records.add(text.toString());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        private PrintStream original;

        void start() {
            original = System.err;
            System.setErr(new PrintStream(new TeeStream(original, err), true, StandardCharsets.UTF_8));
            java.util.logging.Logger.getLogger("").addHandler(handler);
        }

        void stop() {
            java.util.logging.Logger.getLogger("").removeHandler(handler);
            System.setErr(original);
        }

        String text() {
            System.err.flush();
            return err.toString(StandardCharsets.UTF_8) + String.join("", records);
        }
    }

    private static final class TeeStream extends java.io.OutputStream {
        private final PrintStream first;
        private final ByteArrayOutputStream second;

        TeeStream(PrintStream first, ByteArrayOutputStream second) {
            this.first = first;
            this.second = second;
        }

        @Override
        public void write(int b) {
            first.write(b);
            synchronized (second) {
                second.write(b);
            }
        }

        @Override
        public void write(byte[] b, int off, int len) {
            first.write(b, off, len);
            synchronized (second) {
                second.write(b, off, len);
            }
        }
    }
}
