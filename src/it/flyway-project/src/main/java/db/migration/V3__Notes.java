package db.migration;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import java.sql.Statement;

/** A Java migration compiled by the same build: Flyway runs it as version 3. */
public class V3__Notes extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        try (Statement statement = context.getConnection().createStatement()) {
            statement.execute("CREATE TABLE order_notes (order_id bigint NOT NULL REFERENCES orders (id), note text)");
        }
    }
}
