package io.github.migrationprofiler.it.custom;

import liquibase.change.custom.CustomTaskChange;
import liquibase.database.Database;
import liquibase.exception.CustomChangeException;
import liquibase.exception.ValidationErrors;
import liquibase.resource.ResourceAccessor;

/** A custom change that needs the host application's runtime, as Keycloak's JPA updates do: outside it, it fails. */
public class NeedsTheApplication implements CustomTaskChange {

    @Override
    public void execute(Database database) throws CustomChangeException {
        throw new CustomChangeException("Thread bound session is null");
    }

    @Override
    public String getConfirmationMessage() {
        return "updated through the application";
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
