package dev.crmkit.core.segment;

/** A saved segment with its current number of members. */
public record SegmentSize(Segment segment, long members) {
}
