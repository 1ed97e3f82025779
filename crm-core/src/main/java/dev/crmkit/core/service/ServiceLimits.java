package dev.crmkit.core.service;

/**
 * The longest text, in characters, service tracking keeps per field; longer input is a {@code ValidationException}
 * naming the field. The JPA adapter's columns have exactly these widths (a test there reads them from the
 * database), so every adapter accepts the same values. Subjects, descriptions, article text and names are
 * unbounded.
 */
public final class ServiceLimits {
    /** The product code of product information and of each product an article is about (both indexed). */
    public static final int PRODUCT_CODE = 255;

    private ServiceLimits() {
    }
}
