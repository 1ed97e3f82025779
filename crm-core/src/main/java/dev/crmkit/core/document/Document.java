package dev.crmkit.core.document;

import dev.crmkit.core.common.DocumentId;
import dev.crmkit.core.common.UserId;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One stored version of a file attached to a record. Immutable: a new upload under the same name on the same record
 * is the next version, a document of its own.
 *
 * @param mediaType what the content is, detected from the bytes (not from the name), e.g. {@code application/pdf}
 * @param size      the content's length in bytes
 * @param sha256    the content's SHA-256, lower-case hex: proof of what was stored
 * @param version   1 for the first upload of this name on this record, then 2, 3, ...
 */
public record Document(DocumentId id, DocumentOwner owner, String name, String mediaType, long size, String sha256,
                       int version, UserId createdBy, Instant createdAt) {
    /** Longest document name. */
    public static final int MAX_NAME = 255;
    /** Longest media type. */
    public static final int MAX_MEDIA_TYPE = 255;

    public Document {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(mediaType, "mediaType");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(createdBy, "createdBy");
        Objects.requireNonNull(createdAt, "createdAt");
        if (size < 0 || version < 1 || sha256.length() != 64) {
            throw new IllegalArgumentException("document " + id + " has an impossible size, version or hash");
        }
    }
}
