package org.amity.contracts;

/**
 * A hostility strand as configured on the platform ({@code race}, {@code religion}, {@code disability},
 * {@code sexual-orientation}, {@code transgender}, or a local one), with an optional sub-category
 * ({@code anti-muslim}, {@code antisemitic}, ...). Codes are configuration, not an enumeration.
 */
public record Strand(String code, String subCategory) {
}
