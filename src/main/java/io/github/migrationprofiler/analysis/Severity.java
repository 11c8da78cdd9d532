package io.github.migrationprofiler.analysis;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** How much a finding matters: {@code error} blocks production traffic for table-sized time. */
public enum Severity {
    ERROR, WARNING, INFO;

    @JsonValue
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }
}
