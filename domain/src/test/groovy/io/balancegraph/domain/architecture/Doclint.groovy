package io.balancegraph.domain.architecture

import javax.tools.Diagnostic
import javax.tools.DiagnosticCollector
import javax.tools.JavaFileObject
import javax.tools.ToolProvider
import java.nio.charset.StandardCharsets
import java.nio.file.Files
import java.nio.file.Path

/**
 * javac's doclint (the checks the javadoc tool runs) over a module's sources, for the specs that keep a published
 * javadoc complete: the domain's and the Stripe adapter's (which gets it from the domain's test jar). Missing
 * comments count; only public and protected members are checked.
 */
class Doclint {

    /** A module's main sources, sorted. */
    static List<Path> sources(Path root) {
        Files.walk(root).withCloseable { paths -> paths.filter { it.toString().endsWith('.java') }.sorted().toList() }
    }

    /**
     * Compiles the files into {@code classes} with {@code -Xdoclint:all/protected} and returns what doclint
     * reported, as {@code file:line: message} with the file relative to {@code root}.
     *
     * @param classpath what the files need to compile, or {@code null} for nothing
     * @param packages  javac's {@code -Xdoclint/package:} value, e.g. {@code -io.example.internal.*} to leave
     *                  internal packages out, or {@code null} for every package
     */
    static List<String> findings(List<Path> files, Path root, Path classes, String classpath = null, String packages = null) {
        def compiler = ToolProvider.systemJavaCompiler
        def diagnostics = new DiagnosticCollector<JavaFileObject>()
        def options = ['--release', '17', '-proc:none', '-Xdoclint:all/protected', '-Xmaxwarns', '10000',
                       '-d', classes.toString()]
        if (classpath) {
            options += ['-classpath', classpath]
        }
        if (packages) {
            options << ('-Xdoclint/package:' + packages)
        }
        compiler.getStandardFileManager(diagnostics, null, StandardCharsets.UTF_8).withCloseable { manager ->
            def compiled = compiler.getTask(null, manager, diagnostics, options, null, manager.getJavaFileObjectsFromPaths(files)).call()
            assert compiled: diagnostics.diagnostics.findAll { it.kind == Diagnostic.Kind.ERROR }.join('\n')
        }
        diagnostics.diagnostics
                .findAll { it.kind in [Diagnostic.Kind.WARNING, Diagnostic.Kind.MANDATORY_WARNING, Diagnostic.Kind.ERROR] }
                .collect { "${relative(root, it.source)}:${it.lineNumber}: ${it.getMessage(Locale.ROOT)}".toString() }
    }

    /** The packages (directories relative to {@code root}) among the files that have no package comment. */
    static List<String> packagesWithoutComment(List<Path> files, Path root) {
        files*.parent.unique().findAll { dir ->
            def info = dir.resolve('package-info.java')
            !Files.exists(info) || !(Files.readString(info) =~ /(?s)\/\*\*.+\*\/\s*package /)
        }.collect { root.relativize(it).toString() }
    }

    private static String relative(Path root, JavaFileObject source) {
        if (source == null) {
            return '(no file)'
        }
        def file = Path.of(source.toUri())
        file.startsWith(root.toAbsolutePath()) ? root.toAbsolutePath().relativize(file).toString() : file.fileName.toString()
    }
}
