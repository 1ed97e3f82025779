package dev.crmkit.jpa;

import dev.crmkit.core.Crm;
import dev.crmkit.core.common.Actor;
import dev.crmkit.core.common.LeadId;
import dev.crmkit.core.common.TenantId;
import dev.crmkit.core.common.UserId;
import dev.crmkit.core.context.DeliveryPolicy;
import dev.crmkit.core.context.EventEnvelope;
import dev.crmkit.core.context.EventSubscriber;
import dev.crmkit.core.lead.NewLead;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.mariadb.jdbc.MariaDbDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The application {@link OutboxCrashTest} kills: commits {@code count} leads, prints their ids, then starts delivering
 * to subscriber {@code name} and hangs inside the first delivery until the test stops the JVM with
 * {@code destroyForcibly()}.
 */
public final class OutboxCrashChild {
    private OutboxCrashChild() {
    }

    public static void main(String[] args) throws Exception {
        String url = args[0];
        TenantId tenant = TenantId.of(args[1]);
        String subscriber = args[2];
        int count = Integer.parseInt(args[3]);
        JpaStorage storage = JpaStorage.create(dataSource(url));
        Crm crm = Crm.builder().storage(storage).actor(new Actor(tenant, UserId.SYSTEM, Set.of(Actor.ADMIN)))
                .with(new DeliveryPolicy(5, Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(2), 10))
                .build();
        crm.events().register(new EventSubscriber() {
            @Override
            public String name() {
                return subscriber;
            }

            @Override
            public void deliver(EventEnvelope event) throws InterruptedException {
                System.out.println("DELIVERING " + event.eventId());
                System.out.flush();
                Thread.sleep(Long.MAX_VALUE);
            }
        });
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            LeadId id = crm.leads().capture(NewLead.of("Lead", "No" + i, "lead" + i + "@example.com"));
            ids.add(id.toString());
        }
        System.out.println("COMMITTED " + String.join(",", ids));
        System.out.flush();
        crm.events().dispatchDue();
    }

    static DataSource dataSource(String url) throws Exception {
        if (url.startsWith("jdbc:postgresql:")) {
            PGSimpleDataSource ds = new PGSimpleDataSource();
            ds.setUrl(url);
            return ds;
        }
        if (url.startsWith("jdbc:mariadb:")) {
            return new MariaDbDataSource(url);
        }
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL(url);
        ds.setUser("sa");
        return ds;
    }
}
