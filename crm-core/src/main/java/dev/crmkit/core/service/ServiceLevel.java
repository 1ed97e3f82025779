package dev.crmkit.core.service;

import java.time.Duration;
import java.util.Objects;

/** Targets for one priority: first response and resolution, counted in business time when the contract has hours. */
public record ServiceLevel(Duration firstResponse, Duration resolution) {
    public ServiceLevel {
        Objects.requireNonNull(firstResponse, "firstResponse");
        Objects.requireNonNull(resolution, "resolution");
    }

    public static ServiceLevel of(Duration firstResponse, Duration resolution) {
        return new ServiceLevel(firstResponse, resolution);
    }
}
