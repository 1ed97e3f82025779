/**
 * Consent per person and purpose: what a lead or contact agreed to or refused, on which lawful basis, from which
 * source, with which proof, and when, as an append-only record. Recorded through
 * {@link dev.crmkit.core.privacy.ConsentService}; read here by the capabilities that must respect it (tracking stops
 * for a person who refused profiling).
 */
@NullMarked
package dev.crmkit.core.consent;

import org.jspecify.annotations.NullMarked;
