package dev.crmkit.core.document;

import dev.crmkit.core.common.TenantId;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HexFormat;

/**
 * Documents as files: {@code <directory>/<tenant as hex>/<key>}. A file is written under a temporary name and moved
 * into place, so a reader never sees half a file and a failed write leaves nothing.
 */
final class DirectoryDocumentStore implements DocumentStore {
    private final Path root;

    DirectoryDocumentStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    @Override
    public void write(TenantId tenant, String key, InputStream content) throws IOException {
        Path target = file(tenant, key);
        Files.createDirectories(target.getParent());
        Path partial = Files.createTempFile(target.getParent(), "upload-", ".part");
        try {
            Files.copy(content, partial, StandardCopyOption.REPLACE_EXISTING);
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    @Override
    public InputStream read(TenantId tenant, String key) throws IOException {
        return Files.newInputStream(file(tenant, key));
    }

    @Override
    public void delete(TenantId tenant, String key) throws IOException {
        Files.deleteIfExists(file(tenant, key));
    }

    /** Tenant names become hex (no path tricks); keys are CRMKit's own ids. */
    private Path file(TenantId tenant, String key) {
        if (!key.matches("[0-9a-f-]{36}")) {
            throw new IllegalArgumentException("not a document key: " + key);
        }
        return root.resolve(HexFormat.of().formatHex(tenant.value().getBytes(StandardCharsets.UTF_8))).resolve(key);
    }
}
