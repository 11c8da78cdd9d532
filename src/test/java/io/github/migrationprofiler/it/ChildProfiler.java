package io.github.migrationprofiler.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** A profiler run in a child JVM, for tests of Ctrl-C and kill -9. */
final class ChildProfiler implements AutoCloseable {

    private final Process process;
    private final Path output;

    private ChildProfiler(Process process, Path output) {
        this.process = process;
        this.output = output;
    }

    static ChildProfiler start(Path project, String engine, String... options) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), ProfilerMain.class.getName(),
                project.toString(), project.resolve("db").toString(), engine));
        command.addAll(List.of(options));
        Path output = project.resolve("child.log");
        return new ChildProfiler(new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start(),
                output);
    }

    /** A run on the external engine: {@code server} as the test's CREATEDB role. */
    static ChildProfiler startExternal(Path project, TestPostgres server, String... options) throws IOException {
        List<String> all = new ArrayList<>(List.of("jdbcUrl=" + server.jdbcUrl(), "user=" + TestPostgres.PROFILER.username(),
                "password=" + TestPostgres.PROFILER.password()));
        all.addAll(List.of(options));
        return start(project, "external", all.toArray(String[]::new));
    }

    long pid() {
        return process.pid();
    }

    String output() {
        try {
            return Files.readString(output);
        } catch (IOException e) {
            return "";
        }
    }

    /** Sends SIGINT, as Ctrl-C in a terminal does, and waits for the JVM to exit. */
    boolean interruptAndWait() throws IOException, InterruptedException {
        new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).inheritIO().start().waitFor();
        return process.waitFor(60, TimeUnit.SECONDS);
    }

    /** kill -9: no shutdown hook runs. */
    void killHard() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    static void await(String what, BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("not within 90 s: " + what);
            }
            Thread.sleep(100);
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        // a test that failed half-way lets the profiler clean up, so later tests do not find its database
        if (process.isAlive() && !interruptAndWait()) {
            process.destroyForcibly();
        }
    }
}
