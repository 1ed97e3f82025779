package dev.crmkit.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crmkit.core.common.AccountId;
import dev.crmkit.core.common.AdId;
import dev.crmkit.core.common.AffiliateId;
import dev.crmkit.core.common.CampaignId;
import dev.crmkit.core.common.Channel;
import dev.crmkit.core.common.ContactId;
import dev.crmkit.core.common.DuplicateException;
import dev.crmkit.core.common.LeadId;
import dev.crmkit.core.common.Money;
import dev.crmkit.core.common.StorageException;
import dev.crmkit.core.common.TenantId;
import dev.crmkit.core.common.TouchpointId;
import dev.crmkit.core.common.UserId;
import dev.crmkit.core.storage.StorageTx;
import dev.crmkit.core.testkit.Samples;
import dev.crmkit.core.tracking.Touchpoint;
import dev.crmkit.core.tracking.TouchpointKind;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.slf4j.LoggerFactory;
import org.slf4j.simple.SimpleLogger;

/**
 * Touchpoints are written with plain JDBC and read through Hibernate: every column must read back as written, on
 * every database. Also what the contract cannot see: a repeated event is routine and must not be logged.
 */
@EachDatabase
class TouchpointIngestionTest {
    @Parameter
    TestDatabase database;

    /** Loggers test runs keep quiet (simplelogger.properties) that a host's configuration may well not. */
    private static final List<String> QUIETED_LOGGERS = List.of("org.hibernate.engine.jdbc.spi.SqlExceptionHelper",
            "org.hibernate.engine.jdbc.batch.internal.BatchingBatch");

    private final TenantId tenant = TenantId.of("t-" + UUID.randomUUID().toString().substring(0, 8));

    TestDatabase database() {
        return database;
    }

    @Test
    void everyColumnReadsBackAsWritten() {
        LeadId lead = LeadId.of(UUID.randomUUID());
        ContactId contact = ContactId.of(UUID.randomUUID());
        AccountId account = AccountId.of(UUID.randomUUID());
        Instant at = Instant.parse("2026-03-29T01:30:00.123456Z"); // microseconds, in a DST switch night
        Touchpoint full = new Touchpoint(TouchpointId.of(UUID.randomUUID()), TouchpointKind.PHONE_CALL, at,
                "ext-ünïcode-€", "visitor-日本", lead, contact, account, CampaignId.of(UUID.randomUUID()),
                AdId.of(UUID.randomUUID()), AffiliateId.of(UUID.randomUUID()), Channel.PHONE, 3_000_000_000L,
                Money.of("123456789012345.6789", "CLF"), 3_599, "intéressé 👍",
                "{\"subject\": \"Grüße, \\\"quoted\\\"\\n\", \"emoji\": \"🚀\"}\nsecond line\twith tab",
                null, null, UserId.of("rep-ø"), TouchpointId.of(UUID.randomUUID()), TouchpointId.of(UUID.randomUUID()));
        Touchpoint bare = new Touchpoint(TouchpointId.of(UUID.randomUUID()), TouchpointKind.AD_CLICK,
                Instant.parse("1999-12-31T23:59:59.999999Z"), null, null, lead, null, null, null, null, null,
                Channel.WEB, 0, null, null, null, null, null, null, null, null, null);
        Touchpoint cents = new Touchpoint(TouchpointId.of(UUID.randomUUID()), TouchpointKind.CONVERSION,
                at.plusSeconds(1), "ext-cents", null, lead, null, null, null, null, null, Channel.EMAIL, 1,
                Money.of("-0.01", "EUR"), 0, "", "", null, null, null, null, null);

        List<Touchpoint> inserted = storage().write(tenant, tx -> tx.touchpoints().insertAll(List.of(full, bare,
                cents)));

        assertThat(inserted).containsExactly(full, bare, cents);
        storage().read(tenant, (StorageTx tx) -> {
            assertThat(tx.touchpoints().find(full.id())).contains(full);
            assertThat(tx.touchpoints().find(bare.id())).contains(bare);
            assertThat(tx.touchpoints().findByExternalEventId("ext-ünïcode-€")).contains(full);
            assertThat(tx.touchpoints().findByVisitor("visitor-日本")).containsExactly(full);
            assertThat(tx.touchpoints().findByLead(lead)).containsExactly(bare, full, cents);
            assertThat(tx.touchpoints().findByContact(contact)).containsExactly(full);
            List<Touchpoint> occurred = new ArrayList<>();
            tx.touchpoints().forEachOccurred(at, at.plusSeconds(2), occurred::add);
            assertThat(occurred).containsExactlyInAnyOrder(full, cents); // in no particular order
            return null;
        });
    }

    @Test
    void batchesLargerThanOneJdbcBatchAreStoredWholeAndTheirRepeatsSkipped() {
        int size = JpaStorage.BATCH_SIZE * 2 + 7;
        Map<String, Touchpoint> byExternalId = new LinkedHashMap<>();
        for (int i = 0; i < size; i++) {
            byExternalId.put("bulk-" + i, Samples.click(TouchpointId.of(UUID.randomUUID()), "bulk-" + i,
                    "v-bulk", Samples.at(1).plusMillis(i)));
        }
        List<Touchpoint> firstHalf = new ArrayList<>(byExternalId.values()).subList(0, size / 2);
        storage().write(tenant, tx -> tx.touchpoints().insertAll(firstHalf));

        // Every event again, under new touchpoint ids: only the second half is new.
        List<Touchpoint> again = byExternalId.keySet().stream().map(e -> Samples.click(TouchpointId.of(
                UUID.randomUUID()), e, "v-bulk", byExternalId.get(e).occurredAt())).toList();
        List<Touchpoint> inserted = storage().write(tenant, tx -> tx.touchpoints().insertAll(again));

        assertThat(inserted).containsExactlyElementsOf(again.subList(size / 2, size));
        List<Touchpoint> expected = new ArrayList<>(firstHalf);
        expected.addAll(inserted);
        assertThat(storage().read(tenant, (StorageTx tx) -> tx.touchpoints().findByVisitor("v-bulk")))
                .containsExactlyElementsOf(expected);
    }

    @Test
    void aTouchpointIdStoredBeforeIsADuplicateAndNothingOfItsBatchIsWritten() {
        Touchpoint stored = Samples.click(TouchpointId.of(UUID.randomUUID()), "dup-1", "v-dup", Samples.at(1));
        storage().write(tenant, tx -> tx.touchpoints().insertAll(List.of(stored)));
        Touchpoint sameId = Samples.click(stored.id(), "dup-2", "v-dup", Samples.at(2));
        Touchpoint fresh = Samples.click(TouchpointId.of(UUID.randomUUID()), "dup-3", "v-dup", Samples.at(3));
        Touchpoint noExternalId = Samples.call(stored.id(), LeadId.of(UUID.randomUUID()), Samples.at(4));

        assertThatThrownBy(() -> storage().write(tenant, tx -> tx.touchpoints().insertAll(List.of(fresh, sameId))))
                .isInstanceOf(DuplicateException.class);
        assertThatThrownBy(() -> storage().write(tenant, tx -> tx.touchpoints().insertAll(List.of(noExternalId))))
                .isInstanceOf(DuplicateException.class);

        assertThat(storage().read(tenant, (StorageTx tx) -> tx.touchpoints().findByVisitor("v-dup")))
                .containsExactly(stored);
    }

    @Test
    void aValueTheDatabaseRefusesFailsItsBatchNextToARepeatAndNothingOfItIsWritten() {
        Touchpoint stored = Samples.click(TouchpointId.of(UUID.randomUUID()), "ok-1", "v-long", Samples.at(1));
        storage().write(tenant, tx -> tx.touchpoints().insertAll(List.of(stored)));
        Touchpoint repeat = Samples.click(TouchpointId.of(UUID.randomUUID()), "ok-1", "v-long", Samples.at(1));
        Touchpoint fresh = Samples.click(TouchpointId.of(UUID.randomUUID()), "ok-2", "v-long", Samples.at(2));
        Touchpoint tooLong = Samples.click(TouchpointId.of(UUID.randomUUID()), "too-long", "v".repeat(256),
                Samples.at(3));

        assertThatThrownBy(() -> storage().write(tenant, tx -> tx.touchpoints().insertAll(List.of(repeat, fresh,
                tooLong)))).isInstanceOf(StorageException.class);

        assertThat(storage().read(tenant, (StorageTx tx) -> tx.touchpoints().findByVisitor("v-long")))
                .containsExactly(stored);
        assertThat(storage().read(tenant, (StorageTx tx) -> tx.touchpoints().findByExternalEventId("too-long")))
                .isEmpty();
    }

    @Test
    void aRepeatedEventIsSkippedWithoutAWarningOrErrorFromHibernate() throws Exception {
        Touchpoint stored = Samples.click(TouchpointId.of(UUID.randomUUID()), "once", "v-log", Samples.at(1));
        storage().write(tenant, tx -> tx.touchpoints().insertAll(List.of(stored)));
        Touchpoint repeat = Samples.click(TouchpointId.of(UUID.randomUUID()), "once", "v-log", Samples.at(1));
        Touchpoint fresh = Samples.click(TouchpointId.of(UUID.randomUUID()), "twice", "v-log", Samples.at(2));

        List<Touchpoint> inserted = new ArrayList<>();
        String logged = hibernateLogDuring(() -> inserted.addAll(
                storage().write(tenant, tx -> tx.touchpoints().insertAll(List.of(repeat, fresh)))));

        assertThat(inserted).containsExactly(fresh);
        assertThat(logged).isEmpty();
    }

    private JpaStorage storage() {
        return database().storage();
    }

    /**
     * What SLF4J's simple binding (where the build routes Hibernate's JBoss Logging) prints to standard error while
     * {@code action} runs, with the loggers the test configuration silences opened to WARN.
     */
    private static String hibernateLogDuring(Runnable action) throws ReflectiveOperationException {
        Field level = SimpleLogger.class.getDeclaredField("currentLogLevel");
        level.setAccessible(true);
        Map<SimpleLogger, Integer> previous = new LinkedHashMap<>();
        for (String name : QUIETED_LOGGERS) {
            SimpleLogger logger = (SimpleLogger) LoggerFactory.getLogger(name);
            previous.put(logger, level.getInt(logger));
            level.setInt(logger, org.slf4j.spi.LocationAwareLogger.WARN_INT);
        }
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.setErr(err);
            for (Map.Entry<SimpleLogger, Integer> e : previous.entrySet()) {
                level.setInt(e.getKey(), e.getValue());
            }
        }
        return captured.toString(StandardCharsets.UTF_8).lines().filter(l -> l.contains("org.hibernate"))
                .reduce("", (a, b) -> a + b + "\n");
    }
}
