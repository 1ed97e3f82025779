package dev.crmkit.core.common;

import java.util.UUID;

final class Ids {
    private Ids() {
    }

    static UUID parse(String text, String field) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new ValidationException(field, "is not a UUID: " + text);
        }
    }
}
