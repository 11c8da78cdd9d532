package io.github.migrationprofiler.source;

import liquibase.Scope;
import liquibase.change.ChangeMetaData;
import liquibase.change.CheckSum;
import liquibase.change.DatabaseChange;
import liquibase.change.custom.CustomChangeWrapper;
import liquibase.database.Database;
import liquibase.exception.UnexpectedLiquibaseException;
import liquibase.exception.RollbackImpossibleException;
import liquibase.exception.ValidationErrors;
import liquibase.parser.core.ParsedNode;
import liquibase.parser.core.ParsedNodeException;
import liquibase.resource.ResourceAccessor;
import liquibase.statement.SqlStatement;

/**
 * Liquibase's {@code <customChange class="…">}, except that a class missing from the classpath
 * does not stop the changelog from being read: Liquibase loads the class while parsing, so a
 * changeset that never runs here (another context, DBMS or label) would otherwise fail the whole
 * run. The missing class is reported, with the fix, only if its changeset is validated or run.
 * Registered in {@code META-INF/services/liquibase.change.Change} with a higher priority than
 * Liquibase's own wrapper.
 */
@DatabaseChange(name = "customChange", description = "A custom change class (loaded when its changeset runs)",
        priority = ChangeMetaData.PRIORITY_DEFAULT + 1)
public class DeferredCustomChange extends CustomChangeWrapper {

    private String missingClass;
    private String missingReason;

    static final String MISSING = "is not on the plugin's classpath";
    static final String FIX = "Add the jar that holds it as a <dependency> of migration-profiler-maven-plugin in the pom "
            + "(docs/configuration.md, \"Custom changes\"); a class of the project itself goes into a module of its own for that. "
            + "A change that needs the application's runtime can run as a no-op instead: " + SkippedCustomChanges.PARAMETER
            + "=<class, glob such as com.example.*, or changeset id>.";

    static String missing(String className, String reason) {
        return "customChange class " + className + " " + MISSING + " (" + reason + ")";
    }

    @Override
    public void load(ParsedNode parsedNode, ResourceAccessor resourceAccessor) throws ParsedNodeException {
        String className = parsedNode.getChildValue(null, "class", String.class);
        if (className != null) {
            try {
                Class.forName(className, false, Scope.getCurrentScope().getClassLoader());
            } catch (ClassNotFoundException | LinkageError e) {
                missingClass = className;
                missingReason = e instanceof ClassNotFoundException ? "class not found" : e.toString();
                return; // parsing goes on: the changeset may never run here
            }
        }
        super.load(parsedNode, resourceAccessor);
    }

    /** Like the wrapper it replaces, it works with every database (and says so, or Liquibase warns once per use). */
    @Override
    public boolean supports(Database database) {
        return true;
    }

    @Override
    public String getClassName() {
        return missingClass != null ? missingClass : super.getClassName();
    }

    /** Listed in {@code migration-profiler.skipCustomChanges}: it needs the application's runtime, and runs as a no-op. */
    private boolean skipped() {
        return SkippedCustomChanges.current().skips(getClassName(), getChangeSet());
    }

    @Override
    public ValidationErrors validate(Database database) {
        if (skipped()) {
            return new ValidationErrors();
        }
        if (missingClass != null) {
            return new ValidationErrors().addError(missing(missingClass, missingReason));
        }
        ValidationErrors errors;
        try {
            errors = super.validate(database);
        } catch (RuntimeException e) {
            errors = new ValidationErrors().addError(String.valueOf(e.getMessage()));
        }
        return errors != null && errors.hasErrors() ? named(errors) : errors;
    }

    /**
     * Liquibase sets the change up to validate it, and a change that needs the application's
     * runtime fails there ("Thread bound session is null") without saying which class or what to do.
     */
    private ValidationErrors named(ValidationErrors errors) {
        ValidationErrors named = new ValidationErrors();
        for (String message : errors.getErrorMessages()) {
            named.addError("customChange class " + getClassName() + " failed to set up: "
                    + message.replaceAll("^(\\w+\\.)+\\w*Exception: ", "").replaceAll("(\\w+\\.)+\\w*Exception: ", "")
                    + ". If it needs the application's runtime, profile everything else with "
                    + SkippedCustomChanges.PARAMETER + "=" + getClassName() + " (or a glob)");
        }
        return named;
    }

    @Override
    public SqlStatement[] generateRollbackStatements(Database database) throws RollbackImpossibleException {
        return skipped() ? new SqlStatement[0] : super.generateRollbackStatements(database);
    }

    @Override
    public SqlStatement[] generateStatements(Database database) {
        if (skipped()) {
            return new SqlStatement[0];
        }
        if (missingClass != null) {
            throw new UnexpectedLiquibaseException(missing(missingClass, missingReason) + ". " + FIX);
        }
        return super.generateStatements(database);
    }

    @Override
    public CheckSum generateCheckSum() {
        // Liquibase's own sets the change up, which a change skipped for needing the application cannot be
        return missingClass != null || skipped() ? CheckSum.compute(getClassName()) : super.generateCheckSum();
    }

    @Override
    public String getConfirmationMessage() {
        return missingClass != null || skipped() ? "Custom change " + getClassName() : super.getConfirmationMessage();
    }
}
