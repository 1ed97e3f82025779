/**
 * JMH benchmarks: speed and memory targets live here, never in timed unit tests. Each benchmark class says what it
 * compares and what target the issue set.
 */
package dev.crmkit.benchmarks;
