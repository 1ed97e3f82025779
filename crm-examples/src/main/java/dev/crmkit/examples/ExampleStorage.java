package dev.crmkit.examples;

import dev.crmkit.core.memory.InMemoryStorage;
import dev.crmkit.core.storage.Storage;
import dev.crmkit.jpa.JpaStorage;
import java.nio.file.Path;

/**
 * Chooses the storage an example runs on from its command line: {@code --h2 <file>} (or {@code --h2=<file>}) keeps
 * the data in an embedded H2 database file ({@code <file>.mv.db}, created and migrated on first run, so a second
 * run sees the first one's data); without it everything lives in memory and is gone at exit.
 */
public final class ExampleStorage {
    private ExampleStorage() {
    }

    public static Storage fromArgs(String[] args) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].startsWith("--h2=")) {
                return h2(args[i].substring("--h2=".length()));
            }
            if (args[i].equals("--h2")) {
                if (i + 1 == args.length) {
                    throw new IllegalArgumentException("--h2 needs a database file, e.g. --h2 data/crm");
                }
                return h2(args[i + 1]);
            }
        }
        return InMemoryStorage.create();
    }

    private static Storage h2(String file) {
        if (file.isBlank()) {
            throw new IllegalArgumentException("--h2 needs a database file, e.g. --h2 data/crm");
        }
        return JpaStorage.embeddedH2(Path.of(file));
    }
}
