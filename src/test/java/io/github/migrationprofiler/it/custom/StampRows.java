package io.github.migrationprofiler.it.custom;

import liquibase.change.custom.CustomTaskChange;
import liquibase.database.Database;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.CustomChangeException;
import liquibase.exception.ValidationErrors;
import liquibase.resource.ResourceAccessor;

import java.sql.Statement;

/** A Liquibase custom change as projects write them: Java code that works on the rows. */
public class StampRows implements CustomTaskChange {

    private String table;

    public void setTable(String table) {
        this.table = table;
    }

    @Override
    public void execute(Database database) throws CustomChangeException {
        try (Statement s = ((JdbcConnection) database.getConnection()).getUnderlyingConnection().createStatement()) {
            s.executeUpdate("UPDATE " + table + " SET stamp = 'custom'");
        } catch (Exception e) {
            throw new CustomChangeException(e);
        }
    }

    @Override
    public String getConfirmationMessage() {
        return "stamped " + table;
    }

    @Override
    public void setUp() {
    }

    @Override
    public void setFileOpener(ResourceAccessor resourceAccessor) {
    }

    @Override
    public ValidationErrors validate(Database database) {
        return new ValidationErrors();
    }
}
