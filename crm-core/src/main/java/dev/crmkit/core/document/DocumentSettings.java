package dev.crmkit.core.document;

/**
 * Limits on documents, given with {@code Crm.builder().with(settings)}.
 *
 * @param maxBytes the largest document accepted, in bytes; a larger upload is refused as soon as it passes this
 */
public record DocumentSettings(long maxBytes) {
    public DocumentSettings {
        if (maxBytes < 1) {
            throw new IllegalArgumentException("maxBytes must be positive");
        }
    }

    /** Documents up to 25 MB. */
    public static DocumentSettings defaults() {
        return new DocumentSettings(25L * 1024 * 1024);
    }
}
