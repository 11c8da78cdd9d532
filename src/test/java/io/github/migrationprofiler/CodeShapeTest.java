package io.github.migrationprofiler;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.LineMap;
import com.sun.source.tree.MethodTree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.SourcePositions;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Small pieces a newcomer can read: no class of the plugin over {@value #CLASS_LINES} lines, no
 * method over {@value #METHOD_LINES}. Measured on the parsed sources (from a declaration's first
 * line to its last), not on the text, so comments in between count and Javadoc above does not.
 */
class CodeShapeTest {

    static final int CLASS_LINES = 400;
    static final int METHOD_LINES = 60;

    @Test
    void classesAndMethodsStaySmall() throws IOException {
        List<String> tooLong = new ArrayList<>();
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        try (StandardJavaFileManager files = compiler.getStandardFileManager(null, null, null);
             Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            List<Path> java = sources.filter(p -> p.toString().endsWith(".java")).toList();
            JavacTask task = (JavacTask) compiler.getTask(null, files, null, List.of("-proc:none"), null,
                    files.getJavaFileObjectsFromPaths(java));
            SourcePositions positions = Trees.instance(task).getSourcePositions();
            for (CompilationUnitTree unit : task.parse()) {
                new TreePathScanner<Void, Void>() {
                    @Override
                    public Void visitClass(ClassTree tree, Void unused) {
                        check(unit, tree, tree.getSimpleName().toString(), CLASS_LINES);
                        return super.visitClass(tree, unused);
                    }

                    @Override
                    public Void visitMethod(MethodTree tree, Void unused) {
                        check(unit, tree, tree.getName() + "()", METHOD_LINES);
                        return super.visitMethod(tree, unused);
                    }

                    private void check(CompilationUnitTree unit, com.sun.source.tree.Tree tree, String name, int limit) {
                        LineMap lines = unit.getLineMap();
                        long first = lines.getLineNumber(positions.getStartPosition(unit, tree));
                        long last = lines.getLineNumber(positions.getEndPosition(unit, tree));
                        if (last - first + 1 > limit) {
                            tooLong.add(Path.of(unit.getSourceFile().toUri()).getFileName() + ":" + first + " " + name + " has "
                                    + (last - first + 1) + " lines, over " + limit);
                        }
                    }
                }.scan(unit, null);
            }
        }
        assertThat(tooLong).as("classes and methods over their limit").isEmpty();
    }
}
