package dev.crmkit.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crmkit.core.Crm;
import dev.crmkit.core.common.Actor;
import dev.crmkit.core.common.TenantId;
import dev.crmkit.core.common.UserId;
import dev.crmkit.core.contract.PersonOnRecord;
import dev.crmkit.core.spi.IdGenerator;
import dev.crmkit.core.testkit.EventRecorder;
import dev.crmkit.core.testkit.MutableClock;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;

/**
 * The right to be forgotten, checked where it counts: after a person put on record in every place a host's use puts
 * them ({@link PersonOnRecord}: lead, visits, consent, email, audit, conversion, case, purchase, feedback, task,
 * meeting, document, events waiting for a subscriber) is erased, no value in any column of any table of the schema
 * holds their email, phone or name, on each database. The same search before the erasure finds them in many tables,
 * and after it still finds another person held the same way.
 */
@EachDatabase
class ErasureLeavesNoTraceTest {
    @Parameter
    TestDatabase database;

    private TestDatabase.Fresh schema;
    private JpaStorage storage;
    private Crm crm;
    private Crm mail;

    @BeforeEach
    void crmOnAFreshSchema() throws Exception {
        schema = database.fresh();
        storage = JpaStorage.create(schema.newPool());
        MutableClock clock = new MutableClock(Instant.parse("2026-03-02T10:00:00Z"));
        Actor admin = new Actor(TenantId.of("erasure"), UserId.of("dpo"), Set.of(Actor.ADMIN, Actor.MANAGER));
        Crm.Builder builder = Crm.builder().storage(storage).clock(clock).ids(IdGenerator.timeOrdered(clock))
                .actor(admin);
        crm = builder.build();
        crm.events().register(new EventRecorder("mirror", admin.tenant())); // its events wait in crm_outbox
        Crm.Builder withMail = Crm.builder().storage(storage).clock(clock).ids(IdGenerator.timeOrdered(clock))
                .actor(admin);
        for (Object setting : PersonOnRecord.mailSettings()) {
            withMail.with(setting);
        }
        mail = withMail.build();
    }

    @AfterEach
    void close() throws Exception {
        crm.close();
        mail.close();
        storage.close();
        schema.close();
    }

    @Test
    void noTableHoldsTheEmailPhoneOrNameOfAnErasedPerson() throws Exception {
        PersonOnRecord gone = PersonOnRecord.create(crm, mail, Instant.parse("2026-03-02T10:00:00Z"));
        PersonOnRecord stays = PersonOnRecord.create(crm, mail, Instant.parse("2026-03-02T10:00:00Z"));
        List<String> before = holding(gone.traces());
        assertThat(before).as("where the person was held").hasSizeGreaterThanOrEqualTo(10)
                .anySatisfy(c -> assertThat(c).startsWith("crm_outbox."))
                .anySatisfy(c -> assertThat(c).startsWith("crm_audit."))
                .anySatisfy(c -> assertThat(c).startsWith("crm_document_chunk."));

        crm.personalData().erase(gone.lead);

        assertThat(holding(gone.traces())).as("columns still holding the erased person's data").isEmpty();
        assertThat(holding(stays.traces())).as("another person is still held").hasSizeGreaterThanOrEqualTo(10);
    }

    /** Each table.column (and the trace) in which some row holds one of {@code traces}. */
    private List<String> holding(List<String> traces) throws SQLException, IOException {
        Set<String> found = new TreeSet<>();
        try (Connection c = schema.connect()) {
            String quote = c.getMetaData().getIdentifierQuoteString();
            for (String table : tables(c)) {
                try (Statement s = c.createStatement();
                     ResultSet rs = s.executeQuery("SELECT * FROM " + quote + table + quote)) {
                    ResultSetMetaData meta = rs.getMetaData();
                    while (rs.next()) {
                        for (int i = 1; i <= meta.getColumnCount(); i++) {
                            String value = text(rs.getObject(i));
                            for (String trace : traces) {
                                if (value != null && value.toLowerCase(Locale.ROOT)
                                        .contains(trace.toLowerCase(Locale.ROOT))) {
                                    found.add(table.toLowerCase(Locale.ROOT) + "."
                                            + meta.getColumnName(i).toLowerCase(Locale.ROOT) + " (" + trace + ")");
                                }
                            }
                        }
                    }
                }
            }
        }
        return new ArrayList<>(found);
    }

    private static List<String> tables(Connection c) throws SQLException {
        List<String> tables = new ArrayList<>();
        DatabaseMetaData meta = c.getMetaData();
        try (ResultSet rs = meta.getTables(c.getCatalog(), c.getSchema(), "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                tables.add(rs.getString("TABLE_NAME"));
            }
        }
        assertThat(tables).as("the schema's tables").hasSizeGreaterThan(60);
        return tables;
    }

    private static String text(Object value) throws SQLException, IOException {
        if (value == null) {
            return null;
        }
        if (value instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        if (value instanceof Blob blob) {
            try (InputStream in = blob.getBinaryStream()) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
        if (value instanceof Clob clob) {
            try (Reader in = clob.getCharacterStream(); StringWriter out = new StringWriter()) {
                in.transferTo(out);
                return out.toString();
            }
        }
        return String.valueOf(value);
    }
}
