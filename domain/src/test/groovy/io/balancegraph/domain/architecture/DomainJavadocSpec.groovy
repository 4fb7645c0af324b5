package io.balancegraph.domain.architecture

import spock.lang.Shared
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Files
import java.nio.file.Path

/**
 * The domain's published javadoc is complete: javac's doclint (the checks javadoc runs) over every source file finds
 * nothing to report, missing comments included. A sample class shows the same check would fail on a gap.
 */
class DomainJavadocSpec extends Specification {

    static final Path SOURCES = Path.of('src/main/java')

    @Shared List<Path> sources = Doclint.sources(SOURCES)
    @TempDir Path classes
    @TempDir Path sample

    def "every public and protected part of the domain has javadoc that passes -Xdoclint:all"() {
        when:
        def findings = Doclint.findings(sources, SOURCES, classes)

        then:
        sources.size() > 50
        findings == []
    }

    def "the check reports a public or protected member without javadoc, or without a tag it needs, and no private one"() {
        given:
        def source = sample.resolve('Sample.java')
        Files.writeString(source, SAMPLE)

        when:
        def findings = Doclint.findings([source], sample, classes)

        then:
        findings == [
                'Sample.java:5: no comment',            // a public constant
                'Sample.java:6: no comment',            // a protected field: subclasses see it
                'Sample.java:10: no @return',
                'Sample.java:15: no @param for value',
        ]
    }

    def "every package of the domain has a package comment"() {
        expect:
        sources*.parent.unique().size() >= 10
        Doclint.packagesWithoutComment(sources, SOURCES) == []
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
