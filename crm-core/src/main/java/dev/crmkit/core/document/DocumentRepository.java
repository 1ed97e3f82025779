package dev.crmkit.core.document;

import dev.crmkit.core.common.DocumentId;
import java.util.List;
import java.util.Optional;

/** The tenant's document records (what is stored where, not the bytes: those are in the {@link DocumentStore}). */
public interface DocumentRepository {
    void insert(Document document);

    Optional<Document> find(DocumentId id);

    /** Every version of every document on {@code owner}, by name, then newest version first. */
    List<Document> ofOwner(DocumentOwner owner);

    /** Removes the record; false when there was none. */
    boolean delete(DocumentId id);
}
