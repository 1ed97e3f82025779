package dev.crmkit.jpa;

import dev.crmkit.core.contract.AmountContract;
import dev.crmkit.core.contract.SegmentMembershipContract;
import dev.crmkit.core.contract.VisibilityContract;
import dev.crmkit.core.storage.Storage;
import dev.crmkit.reporting.LiveReportContract;
import dev.crmkit.reporting.ReportExecutor;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.sql.SQLException;
import java.util.EnumMap;
import java.util.Map;
import net.jqwik.api.Group;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.LifecycleContext;
import net.jqwik.api.lifecycle.PropagationMode;
import net.jqwik.api.lifecycle.SkipExecutionHook;
import org.opentest4j.TestAbortedException;

/**
 * The jqwik property suites on every database: a group per database, each holding every suite, so a new suite gets
 * one group in {@link Suites}. (jqwik has no parameterized containers, hence no {@link EachDatabase}.) Each database
 * is opened once, before its group, shared by the suites (every try uses a tenant of its own), and dropped after the
 * last property; a server that cannot be reached skips or fails its group as {@link TestDatabase} describes.
 */
@AddLifecycleHook(value = JpaProperties.OpenDatabase.class, propagateTo = PropagationMode.DIRECT_DESCENDANTS)
class JpaProperties {
    private static final Map<TestDatabase.Kind, TestDatabase> OPENED = new EnumMap<>(TestDatabase.Kind.class);

    @Group
    @On(TestDatabase.Kind.H2)
    class OnH2 extends Suites {
    }

    @Group
    @On(TestDatabase.Kind.POSTGRESQL)
    class OnPostgreSQL extends Suites {
    }

    @Group
    @On(TestDatabase.Kind.MARIADB)
    class OnMariaDB extends Suites {
    }

    /** Every suite, on the database its subclass names with {@link On}. */
    abstract static class Suites {
        final TestDatabase database() {
            return OpenDatabase.open(getClass().getAnnotation(On.class).value());
        }

        @Group
        class ReportPushDown extends ReportPushDownProperties {
            @Override
            protected JpaStorage storage() {
                return database().storage();
            }
        }

        @Group
        class SegmentMembership extends SegmentMembershipContract {
            @Override
            protected Storage storage() {
                return database().storage();
            }
        }

        @Group
        class Visibility extends VisibilityContract {
            @Override
            protected Storage storage() {
                return database().storage();
            }
        }

        @Group
        class LiveReports extends LiveReportContract {
            @Override
            protected Storage storage() {
                return database().storage();
            }

            @Override
            protected ReportExecutor executor() {
                return new JpaReportExecutor();
            }
        }

        @Group
        class Amounts extends AmountContract {
            @Override
            protected Storage storage() {
                return database().storage();
            }
        }
    }

    /** The database of a group of {@link Suites}. */
    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    @interface On {
        TestDatabase.Kind value();
    }

    /**
     * Opens the database of an {@link On} group before anything in it, and skips the group when the server cannot be
     * reached (jqwik runs a group's properties even when its {@code @BeforeContainer} code aborts) unless the
     * databases are required: then {@link Suites#database()} fails each property with the reason.
     */
    static final class OpenDatabase implements SkipExecutionHook {
        @Override
        public SkipResult shouldBeSkipped(LifecycleContext context) {
            try {
                context.findAnnotation(On.class).ifPresent(on -> open(on.value()));
                return SkipResult.doNotSkip();
            } catch (TestAbortedException e) {
                return SkipResult.skip(e.getMessage());
            } catch (IllegalStateException e) {
                return SkipResult.doNotSkip(); // required; a skip hook that throws stops all of jqwik
            }
        }

        static TestDatabase open(TestDatabase.Kind kind) {
            TestDatabase database = OPENED.computeIfAbsent(kind, k -> {
                TestDatabase opened = TestDatabase.of(k);
                opened.openStandalone();
                return opened;
            });
            database.requireAvailable("JpaProperties on " + kind);
            return database;
        }
    }

    @AfterContainer
    static void close() throws SQLException {
        for (TestDatabase database : OPENED.values()) {
            database.closeStandalone();
        }
        OPENED.clear();
    }
}
