package io.balancegraph.stripe.architecture

import io.balancegraph.domain.architecture.Doclint
import spock.lang.Shared
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Files
import java.nio.file.Path

/**
 * The adapter's published javadoc is complete, as the domain's is (DomainJavadocSpec, whose doclint runner this
 * uses): javac's doclint over the public packages finds nothing to report, missing comments included. The
 * {@code internal} packages are left out of the check as they are out of the published javadoc (the pom's
 * {@code library.javadoc.excludes}); a sample shows the same filter.
 */
class AdapterJavadocSpec extends Specification {

    static final Path SOURCES = Path.of('src/main/java')
    /** javac's form of the pom's {@code library.javadoc.excludes}. */
    static final String PUBLIC_PACKAGES = '-io.balancegraph.stripe.internal.*'

    @Shared List<Path> sources = Doclint.sources(SOURCES)
    @TempDir Path classes
    @TempDir Path sample

    def "every public and protected member of the adapter's API has javadoc that passes -Xdoclint:all"() {
        when:
        def findings = Doclint.findings(sources, SOURCES, classes, System.getProperty('java.class.path'), PUBLIC_PACKAGES)

        then:
        sources.count { !it.toString().contains('/internal/') } >= 10
        findings == []
    }

    def "the check reports a gap in a public package and none in an internal one"() {
        given:
        def api = write('io/example/Api.java', 'package io.example;\n/** Documented. */\npublic class Api {\n    public int undocumented;\n}\n')
        def hidden = write('io/example/internal/http/Hidden.java', 'package io.example.internal.http;\npublic class Hidden {\n    public int undocumented;\n}\n')

        when:
        def findings = Doclint.findings([api, hidden], sample, classes, null, '-io.example.internal.*')

        then:
        findings == ['io/example/Api.java:4: no comment']
    }

    def "every package of the adapter, the internal ones too, has a package comment"() {
        expect:
        sources*.parent.unique().size() >= 6
        Doclint.packagesWithoutComment(sources, SOURCES) == []
    }

    def "the pom leaves out of the published javadoc exactly what this check leaves out"() {
        expect:
        Files.readString(Path.of('pom.xml')).contains(
                '<library.javadoc.excludes>io.balancegraph.stripe.internal:io.balancegraph.stripe.internal.*</library.javadoc.excludes>')
    }

    private Path write(String path, String text) {
        def file = sample.resolve(path)
        Files.createDirectories(file.parent)
        Files.writeString(file, text)
    }
}
