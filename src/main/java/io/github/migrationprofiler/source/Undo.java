package io.github.migrationprofiler.source;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * How a migration is undone, as the project's own tools would undo it: Liquibase's rollback of the
 * changeset, Flyway's undo file, a {@code .down.sql} beside a SQL file. {@link #NONE} when the
 * project keeps no undo for it.
 */
public interface Undo {

    /** What undoes it, for the reports: "U2__w.sql", "Liquibase's rollback of the changeset (its <rollback>)". */
    String how();

    /** Why there is no undo, when there is none ({@link #how()} is then {@code null}). */
    default String whyNot() {
        return null;
    }

    /** Runs the undo on {@code connection}, as its tool would: one transaction unless its statements cannot run in one. */
    void run(Connection connection) throws SQLException, NotReversible;

    /** No undo for this migration; {@code why} says what the project would need. */
    static Undo none(String why) {
        return new Undo() {
            @Override
            public String how() {
                return null;
            }

            @Override
            public String whyNot() {
                return why;
            }

            @Override
            public void run(Connection connection) throws NotReversible {
                throw new NotReversible(why);
            }
        };
    }

    /** The migration has no undo, or its tool says it cannot undo it: the message says why. */
    final class NotReversible extends Exception {
        public NotReversible(String why) {
            super(why, null, false, false);
        }
    }
}
