package dev.crmkit.benchmarks;

import dev.crmkit.core.common.TenantId;
import dev.crmkit.core.lead.Lead;
import dev.crmkit.core.memory.InMemoryStorage;
import dev.crmkit.core.storage.Storage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/** Fills a store with leads directly through the repository (no capture, no matching), in batches of 10k. */
final class StoredLeads {
    private static final int BATCH = 10_000;

    private StoredLeads() {
    }

    /** An in-memory storage holding {@code count} leads made by {@code lead(index, createdAt)}. */
    static Storage inMemory(int count, BiFunction<Integer, Instant, Lead> lead) {
        Storage storage = InMemoryStorage.create();
        Instant t = Instant.parse("2026-01-05T09:00:00Z");
        for (int from = 0; from < count; from += BATCH) {
            List<Lead> leads = new ArrayList<>(BATCH);
            for (int i = from; i < Math.min(count, from + BATCH); i++) {
                leads.add(lead.apply(i, t));
            }
            storage.write(TenantId.DEFAULT, tx -> {
                leads.forEach(tx.leads()::save);
                return null;
            });
        }
        return storage;
    }
}
