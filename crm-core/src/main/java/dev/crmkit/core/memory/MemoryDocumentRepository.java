package dev.crmkit.core.memory;

import dev.crmkit.core.common.DocumentId;
import dev.crmkit.core.common.DuplicateException;
import dev.crmkit.core.document.Document;
import dev.crmkit.core.document.DocumentOwner;
import dev.crmkit.core.document.DocumentRepository;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One tenant's document records: a map by id, guarded by the tenant's lock, every change undone on rollback. */
final class MemoryDocumentRepository implements DocumentRepository {
    static final Comparator<Document> BY_NAME_NEWEST_FIRST = Comparator.comparing(Document::name)
            .thenComparing(Comparator.comparingInt(Document::version).reversed());

    private final Map<DocumentId, Document> documents;
    private final MemoryTx tx;

    MemoryDocumentRepository(Map<DocumentId, Document> documents, MemoryTx tx) {
        this.documents = documents;
        this.tx = tx;
    }

    @Override
    public void insert(Document document) {
        UndoLog undo = tx.undoForWrite();
        if (documents.putIfAbsent(document.id(), document) != null) {
            throw new DuplicateException("Document " + document.id() + " already exists");
        }
        undo.add(() -> documents.remove(document.id()));
    }

    @Override
    public Optional<Document> find(DocumentId id) {
        tx.checkOpen();
        return Optional.ofNullable(documents.get(id));
    }

    @Override
    public List<Document> ofOwner(DocumentOwner owner) {
        tx.checkOpen();
        return documents.values().stream().filter(d -> d.owner().equals(owner)).sorted(BY_NAME_NEWEST_FIRST)
                .toList();
    }

    @Override
    public boolean delete(DocumentId id) {
        UndoLog undo = tx.undoForWrite();
        Document removed = documents.remove(id);
        if (removed != null) {
            undo.add(() -> documents.put(id, removed));
        }
        return removed != null;
    }
}
