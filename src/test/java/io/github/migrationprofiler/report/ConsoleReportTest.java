package io.github.migrationprofiler.report;

import io.github.migrationprofiler.support.ProfilerLog;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** While one migration takes long, the log says which, in which pass, and for how long so far. */
class ConsoleReportTest {

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final ProfilerLog log = new ProfilerLog() {
        @Override public void debug(String message) { }
        @Override public void info(String message) { lines.add(message); }
        @Override public void warn(String message) { lines.add(message); }
    };

    @Test
    void aQuietLogSaysWhatRunsAndNothingOnceTheMigrationIsDone() throws InterruptedException {
        try (ConsoleReport console = new ConsoleReport(log, 84, TimeUnit.MILLISECONDS.toNanos(120))) {
            console.applied("V28__a.sql", 1.0, true);
            console.working("V29__slow.sql", "the clean timing pass");
            for (int i = 0; i < 100 && lines.size() < 2; i++) {
                Thread.sleep(50);
            }
            console.applied("V29__slow.sql", 266_000.0, false);
            int afterIt = lines.size();
            Thread.sleep(500);

            assertThat(lines.get(1)).startsWith("Still on V29__slow.sql, in the clean timing pass: ").endsWith(" so far (migration 2 of 84)");
            assertThat(lines).hasSize(afterIt).as("between migrations nothing is running").last().asString().startsWith("APPLY  V29__slow.sql");
        }
    }
}
