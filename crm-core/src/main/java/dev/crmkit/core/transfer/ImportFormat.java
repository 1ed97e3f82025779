package dev.crmkit.core.transfer;

/**
 * The layout of an import file. {@code CSV}: a header row, then one record per row; the delimiter (comma,
 * semicolon or tab) is taken from the header row. {@code VCARD}: vCard 2.1, 3.0 or 4.0 cards (N, FN, ORG, TITLE,
 * EMAIL, TEL, ADR, BDAY, URL, CATEGORIES are read; the first of each), no column mapping needed.
 */
public enum ImportFormat {
    CSV, VCARD
}
