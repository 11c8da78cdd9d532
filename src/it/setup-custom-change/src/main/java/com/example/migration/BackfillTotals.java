package com.example.migration;

import liquibase.change.custom.CustomTaskChange;
import liquibase.database.Database;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.CustomChangeException;
import liquibase.exception.ValidationErrors;
import liquibase.resource.ResourceAccessor;

import java.sql.Statement;

/** Fills order totals from their lines: Java code a changeset runs, as many projects have. */
public class BackfillTotals implements CustomTaskChange {

    @Override
    public void execute(Database database) throws CustomChangeException {
        try (Statement s = ((JdbcConnection) database.getConnection()).getUnderlyingConnection().createStatement()) {
            s.executeUpdate("UPDATE orders o SET total = coalesce((SELECT sum(l.amount) FROM order_lines l WHERE l.order_id = o.id), 0)");
        } catch (Exception e) {
            throw new CustomChangeException(e);
        }
    }

    @Override
    public String getConfirmationMessage() {
        return "order totals backfilled";
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
