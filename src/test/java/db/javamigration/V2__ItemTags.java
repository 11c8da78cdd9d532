package db.javamigration;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import java.sql.Statement;

/** A Java migration as a Flyway project keeps one: FlywayIT profiles it between two SQL files. */
public class V2__ItemTags extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        try (Statement statement = context.getConnection().createStatement()) {
            statement.execute("CREATE TABLE item_tags (item_id int, tag text)");
        }
    }
}
