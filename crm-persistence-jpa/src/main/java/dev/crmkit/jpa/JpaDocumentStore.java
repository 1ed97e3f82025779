package dev.crmkit.jpa;

import dev.crmkit.core.common.TenantId;
import dev.crmkit.core.document.DocumentStore;
import dev.crmkit.core.spi.HostTransactions;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import javax.sql.DataSource;

/**
 * Documents' bytes in the database ({@code crm_document_chunk}, V21), in chunks of {@value #CHUNK} bytes: written one
 * chunk at a time in one transaction (the host's, when one is active, so its rollback takes them), read back one
 * chunk per query as the reader asks, so neither end holds a whole document, on every database alike (no
 * driver-specific large objects).
 */
final class JpaDocumentStore implements DocumentStore {
    static final int CHUNK = 256 * 1024;

    private final DataSource dataSource;
    private final HostTransactions host;

    JpaDocumentStore(DataSource dataSource, HostTransactions host) {
        this.dataSource = dataSource;
        this.host = host;
    }

    @Override
    public void write(TenantId tenant, String key, InputStream content) throws IOException {
        // In a host transaction the chunks are part of it (a rollback takes them too); else one of their own.
        boolean own = !host.active();
        try (Connection c = dataSource.getConnection()) {
            if (own) {
                c.setAutoCommit(false);
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO crm_document_chunk (tenant_id, content_key,"
                    + " seq, data) VALUES (?, ?, ?, ?)")) {
                byte[] buffer = new byte[CHUNK];
                int seq = 0;
                int n;
                while ((n = content.readNBytes(buffer, 0, CHUNK)) > 0) {
                    s.setString(1, tenant.value());
                    s.setString(2, key);
                    s.setInt(3, seq++);
                    s.setBytes(4, n == CHUNK ? buffer : Arrays.copyOf(buffer, n));
                    s.executeUpdate();
                }
                if (own) {
                    c.commit();
                }
            } catch (SQLException | IOException | RuntimeException e) {
                if (own) {
                    c.rollback();
                }
                throw e;
            } finally {
                if (own) {
                    c.setAutoCommit(true);
                }
            }
        } catch (SQLException e) {
            throw new IOException("could not store document " + key + ": " + e.getMessage(), e);
        }
    }

    @Override
    public InputStream read(TenantId tenant, String key) throws IOException {
        byte[] first = chunk(tenant, key, 0);
        if (first == null) {
            throw new FileNotFoundException("no document content " + key);
        }
        return new InputStream() {
            private byte[] current = first;
            private int seq;
            private int pos;

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (len == 0) {
                    return 0;
                }
                while (current != null && pos == current.length) {
                    current = current.length < CHUNK ? null : chunk(tenant, key, ++seq);
                    pos = 0;
                }
                if (current == null) {
                    return -1;
                }
                int n = Math.min(len, current.length - pos);
                System.arraycopy(current, pos, b, off, n);
                pos += n;
                return n;
            }
        };
    }

    @Override
    public void delete(TenantId tenant, String key) throws IOException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement(
                     "DELETE FROM crm_document_chunk WHERE tenant_id = ? AND content_key = ?")) {
            s.setString(1, tenant.value());
            s.setString(2, key);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IOException("could not delete document " + key + ": " + e.getMessage(), e);
        }
    }

    /** Chunk {@code seq} of the document, or null past its end. */
    private byte[] chunk(TenantId tenant, String key, int seq) throws IOException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT data FROM crm_document_chunk WHERE tenant_id = ?"
                     + " AND content_key = ? AND seq = ?")) {
            s.setString(1, tenant.value());
            s.setString(2, key);
            s.setInt(3, seq);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getBytes(1) : null;
            }
        } catch (SQLException e) {
            throw new IOException("could not read document " + key + ": " + e.getMessage(), e);
        }
    }
}
