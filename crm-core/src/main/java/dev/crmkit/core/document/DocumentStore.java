package dev.crmkit.core.document;

import dev.crmkit.core.common.TenantId;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * Where documents' bytes live, streamed in and out (never held whole in memory by CRMKit). Built in: in memory (the
 * in-memory storage's default), a directory ({@link #directory}), and the database (the JPA storage's default). Give
 * another with {@code Crm.builder().with(store)}. Keys are unique per tenant; each is written once.
 */
public interface DocumentStore {
    /** Stores everything {@code content} holds under {@code key}; on failure nothing is left under it. */
    void write(TenantId tenant, String key, InputStream content) throws IOException;

    /** The bytes stored under {@code key}; the caller closes the stream. */
    InputStream read(TenantId tenant, String key) throws IOException;

    /** Removes the bytes under {@code key} for good; nothing happens when there are none. */
    void delete(TenantId tenant, String key) throws IOException;

    /** Files in {@code directory}, one sub-directory per tenant, created when missing. */
    static DocumentStore directory(Path directory) {
        return new DirectoryDocumentStore(directory);
    }

    /** In this JVM's heap: for tests and demos. */
    static DocumentStore inMemory() {
        return new MemoryDocumentStore();
    }
}
