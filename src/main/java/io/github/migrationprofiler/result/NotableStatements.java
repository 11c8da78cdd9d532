package io.github.migrationprofiler.result;

import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/** Which statements of a long migration its reports keep in detail. */
final class NotableStatements {

    private NotableStatements() {
    }

    /**
     * At most {@code limit} of {@code statements}, in their order: first those that failed or that
     * the server reports work for (a rewrite, a scan, an index build), then the slowest.
     */
    static List<StatementResult> of(List<StatementResult> statements, int limit) {
        Comparator<Integer> notable = Comparator.<Integer, Boolean>comparing(i -> !eventful(statements.get(i)))
                .thenComparing(i -> -statements.get(i).millis());
        return IntStream.range(0, statements.size()).boxed().sorted(notable).limit(limit).sorted()
                .map(statements::get).toList();
    }

    private static boolean eventful(StatementResult s) {
        return s.error() != null || !s.rewrites().isEmpty() || !s.work().isEmpty();
    }
}
