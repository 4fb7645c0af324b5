package io.balancegraph.domain.architecture

import spock.lang.Shared
import spock.lang.Specification
import spock.lang.TempDir

import javax.tools.Diagnostic
import javax.tools.DiagnosticCollector
import javax.tools.JavaFileObject
import javax.tools.ToolProvider
import java.nio.charset.StandardCharsets
import java.nio.file.Files
import java.nio.file.Path

/**
 * The domain's published javadoc is complete: javac's doclint (the checks javadoc runs) over every source file finds
 * nothing to report, missing comments included. A sample class shows the same check would fail on a gap.
 */
class DomainJavadocSpec extends Specification {

    static final Path SOURCES = Path.of('src/main/java')

    @Shared List<Path> sources = Files.walk(SOURCES).withCloseable { paths ->
        paths.filter { it.toString().endsWith('.java') }.sorted().toList()
    }
    @TempDir Path classes
    @TempDir Path sample

    def "every public and protected part of the domain has javadoc that passes -Xdoclint:all"() {
        when:
        def findings = doclint(sources)

        then:
        sources.size() > 50
        findings.collect { "${relative(it.source)}:${it.lineNumber}: ${it.getMessage(Locale.ROOT)}" } == []
    }

    def "the check reports a public or protected member without javadoc, or without a tag it needs, and no private one"() {
        given:
        def source = sample.resolve('Sample.java')
        Files.writeString(source, SAMPLE)

        when:
        def findings = doclint([source])

        then:
        findings.collect { "${it.lineNumber}: ${it.getMessage(Locale.ROOT)}" } == [
                '5: no comment',            // a public constant
                '6: no comment',            // a protected field: subclasses see it
                '10: no @return',
                '15: no @param for value',
        ]
    }

    def "every package of the domain has a package comment"() {
        given:
        def packages = sources*.parent.unique()

        expect:
        packages.size() >= 10
        packages.findAll { dir ->
            def info = dir.resolve('package-info.java')
            !Files.exists(info) || !(Files.readString(info) =~ /(?s)\/\*\*.+\*\/\s*package /)
        }.collect { SOURCES.relativize(it).toString() } == []
    }

    private List<Diagnostic<? extends JavaFileObject>> doclint(List<Path> files) {
        def compiler = ToolProvider.systemJavaCompiler
        def diagnostics = new DiagnosticCollector<JavaFileObject>()
        compiler.getStandardFileManager(diagnostics, null, StandardCharsets.UTF_8).withCloseable { manager ->
            def options = ['--release', '17', '-proc:none', '-Xdoclint:all/protected', '-Xmaxwarns', '10000',
                           '-d', classes.toString()]
            assert compiler.getTask(null, manager, diagnostics, options, null, manager.getJavaFileObjectsFromPaths(files)).call()
        }
        diagnostics.diagnostics.findAll { it.kind in [Diagnostic.Kind.WARNING, Diagnostic.Kind.MANDATORY_WARNING, Diagnostic.Kind.ERROR] }
    }

    private static String relative(JavaFileObject source) {
        source == null ? '(no file)' : SOURCES.toAbsolutePath().relativize(Path.of(source.toUri())).toString()
    }

    /** Line numbers matter: the findings above name them. */
    static final String SAMPLE = '''\
        /** A documented class. */
        public class Sample {
            /** Documented. */
            public static final int DOCUMENTED = 1;
            public static final int UNDOCUMENTED = 2;
            protected int inherited;
            private int hidden;

            /** Documented, but says nothing of its result. */
            public int noReturn() {
                return hidden;
            }

            /** {@return its argument} */
            public int noParam(int value) {
                return value;
            }

            /**
             * {@return its argument}
             *
             * @param value any number
             */
            public int complete(int value) {
                return value;
            }

            private void internal() {
            }
        }
        '''.stripIndent()
}
