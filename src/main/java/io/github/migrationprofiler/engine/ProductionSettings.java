package io.github.migrationprofiler.engine;

import io.github.migrationprofiler.support.ProfilerLog;

import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Production's settings for the server a run starts itself, so that index builds and rewrites
 * get the memory, workers and checkpoints they get in production — as far as this machine can
 * give them: memory is capped to a share of its RAM and workers to its cores, with a warning
 * saying what was capped. Settings the user gave win.
 */
public final class ProductionSettings {

    private static final Pattern MEMORY = Pattern.compile("(\\d+)\\s*(kB|MB|GB|TB)?");
    /** Settings worth mirroring that need nothing of the machine. */
    private static final List<String> AS_IS = List.of("effective_io_concurrency", "effective_cache_size", "max_wal_size", "min_wal_size",
            "checkpoint_timeout", "checkpoint_completion_target", "wal_level", "random_page_cost", "seq_page_cost", "synchronous_commit",
            "fsync", "full_page_writes", "default_statistics_target", "jit", "wal_buffers", "temp_buffers");

    /** Settings a session may change: the ones an existing server can take per connection. */
    private static final List<String> PER_SESSION = List.of("maintenance_work_mem", "work_mem", "max_parallel_maintenance_workers",
            "max_parallel_workers_per_gather", "effective_io_concurrency", "effective_cache_size", "random_page_cost", "seq_page_cost",
            "synchronous_commit", "default_statistics_target", "jit", "temp_buffers");

    private ProductionSettings() {
    }

    /** Of {@code settings}, those a session may set: an existing server applies these to every session of the run. */
    public static Map<String, String> perSession(Map<String, String> settings) {
        Map<String, String> session = new LinkedHashMap<>();
        settings.forEach((name, value) -> {
            if (PER_SESSION.contains(name)) {
                session.put(name, value);
            }
        });
        return session;
    }

    /** The settings to start a server with: the user's, then production's within this machine's means. */
    public static Map<String, String> mirror(Map<String, String> production, Map<String, String> user, ProfilerLog log) {
        return mirror(production, user, physicalMemoryKb(), Runtime.getRuntime().availableProcessors(), log);
    }

    static Map<String, String> mirror(Map<String, String> production, Map<String, String> user, long memoryKb, int cores,
                                      ProfilerLog log) {
        Map<String, String> settings = new LinkedHashMap<>();
        Map<String, String> capped = new LinkedHashMap<>();
        production.forEach((name, value) -> {
            if (user.containsKey(name)) {
                return;
            }
            String mirrored = switch (name) {
                case "shared_buffers" -> memory(value, memoryKb / 4);
                case "maintenance_work_mem" -> memory(value, memoryKb / 8);
                case "work_mem" -> memory(value, memoryKb / 32);
                case "max_parallel_maintenance_workers", "max_parallel_workers" -> count(value, Math.max(0, cores - 1));
                default -> AS_IS.contains(name) ? value : null;
            };
            if (mirrored != null) {
                settings.put(name, mirrored);
                if (!mirrored.equals(value)) {
                    capped.put(name, value + " → " + mirrored);
                }
            }
        });
        settings.putAll(user);
        if (!capped.isEmpty()) {
            log.warn("Production's settings capped to this machine (" + cores + " cores, " + memoryKb / 1024 + " MB): " + capped
                    + "; runtimes that depend on them (index builds, sorts) are slower here than in production");
        }
        return settings;
    }

    private static String memory(String value, long capKb) {
        Matcher m = MEMORY.matcher(value.strip());
        if (!m.matches()) {
            return value;
        }
        long kb = Long.parseLong(m.group(1)) * switch (m.group(2) == null ? "kB" : m.group(2)) {
            case "MB" -> 1024L;
            case "GB" -> 1024L * 1024;
            case "TB" -> 1024L * 1024 * 1024;
            default -> 1L;
        };
        return kb <= capKb ? value : String.format(Locale.ROOT, "%dMB", Math.max(1, capKb / 1024));
    }

    private static String count(String value, int cap) {
        try {
            return Integer.parseInt(value.strip()) <= cap ? value : Integer.toString(cap);
        } catch (NumberFormatException e) {
            return value;
        }
    }

    private static long physicalMemoryKb() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getTotalMemorySize() / 1024;
        }
        return 4L * 1024 * 1024;
    }
}
