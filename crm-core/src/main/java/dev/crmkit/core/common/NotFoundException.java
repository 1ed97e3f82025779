package dev.crmkit.core.common;

/** The record asked for does not exist for the calling actor's tenant. */
public class NotFoundException extends CrmException {
    private final String kind;
    private final Object id;

    public NotFoundException(String kind, Object id) {
        super(kind + " " + id + " not found");
        this.kind = kind;
        this.id = id;
    }

    /** What kind of record was missing, e.g. {@code Lead}. */
    public String kind() {
        return kind;
    }

    public Object id() {
        return id;
    }
}
