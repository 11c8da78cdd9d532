package io.github.migrationprofiler.result;

import java.util.Locale;

/** How much a finding matters: {@code error} blocks production traffic for table-sized time. */
public enum Severity {
    ERROR, WARNING, INFO;
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }
}
