package io.github.migrationprofiler.it.custom;

import liquibase.change.custom.CustomTaskChange;
import liquibase.database.Database;
import liquibase.exception.SetupException;
import liquibase.exception.ValidationErrors;
import liquibase.resource.ResourceAccessor;

/** A custom change that needs the application's session to be set up at all, as Keycloak's JPA updates do. */
public class NeedsTheSession implements CustomTaskChange {

    @Override
    public void execute(Database database) {
    }

    @Override
    public String getConfirmationMessage() {
        return "updated through the application";
    }

    @Override
    public void setUp() throws SetupException {
        throw new SetupException("Thread bound session is null");
    }

    @Override
    public void setFileOpener(ResourceAccessor resourceAccessor) {
    }

    @Override
    public ValidationErrors validate(Database database) {
        return new ValidationErrors();
    }
}
