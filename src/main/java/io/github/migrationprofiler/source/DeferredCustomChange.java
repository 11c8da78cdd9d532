package io.github.migrationprofiler.source;

import liquibase.Scope;
import liquibase.change.ChangeMetaData;
import liquibase.change.CheckSum;
import liquibase.change.DatabaseChange;
import liquibase.change.custom.CustomChangeWrapper;
import liquibase.database.Database;
import liquibase.exception.UnexpectedLiquibaseException;
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
        return missingClass != null ? new ValidationErrors().addError(missing(missingClass, missingReason)) : super.validate(database);
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
        return missingClass != null ? CheckSum.compute(missingClass) : super.generateCheckSum();
    }

    @Override
    public String getConfirmationMessage() {
        return missingClass != null ? "Custom change " + missingClass : super.getConfirmationMessage();
    }
}
