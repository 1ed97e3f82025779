package dev.crmkit.core.document;

import dev.crmkit.core.common.TenantId;
import java.io.ByteArrayInputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Documents' bytes in the heap, by tenant and key. */
final class MemoryDocumentStore implements DocumentStore {
    private final Map<String, byte[]> files = new ConcurrentHashMap<>();

    @Override
    public void write(TenantId tenant, String key, InputStream content) throws IOException {
        files.put(tenant.value() + "/" + key, content.readAllBytes());
    }

    @Override
    public InputStream read(TenantId tenant, String key) throws IOException {
        byte[] bytes = files.get(tenant.value() + "/" + key);
        if (bytes == null) {
            throw new FileNotFoundException("no document content " + key);
        }
        return new ByteArrayInputStream(bytes);
    }

    @Override
    public void delete(TenantId tenant, String key) {
        files.remove(tenant.value() + "/" + key);
    }
}
