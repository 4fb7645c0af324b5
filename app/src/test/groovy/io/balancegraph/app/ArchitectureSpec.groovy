package io.balancegraph.app

import com.tngtech.archunit.core.domain.JavaClasses
import com.tngtech.archunit.core.importer.ClassFileImporter
import com.tngtech.archunit.core.importer.ImportOption
import spock.lang.Shared
import spock.lang.Specification

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses

/** The module graph is the architecture: these rules fail the build when a dependency goes the wrong way. */
class ArchitectureSpec extends Specification {

    @Shared JavaClasses all = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages('io.balancegraph')

    def "every module's classes are on the app's class path, so no rule below can pass on an empty match"() {
        expect:
        ['io.balancegraph.domain', 'io.balancegraph.stripe', 'io.balancegraph.graphql', 'io.balancegraph.app'].every { pkg ->
            all.any { it.packageName.startsWith(pkg) }
        }
    }

    def "the domain depends on nothing but the JDK"() {
        expect:
        classes().that().resideInAPackage('io.balancegraph.domain..')
                .should().onlyDependOnClassesThat().resideInAnyPackage('io.balancegraph.domain..', 'java..')
                .check(all)
    }

    def "the #adapter adapter does not depend on the #other adapter or on the app"() {
        expect:
        noClasses().that().resideInAPackage("io.balancegraph.${adapter}..")
                .should().dependOnClassesThat().resideInAnyPackage("io.balancegraph.${other}..", 'io.balancegraph.app..')
                .check(all)

        where:
        adapter   | other
        'stripe'  | 'graphql'
        'graphql' | 'stripe'
    }

    def "the app uses the GraphQL adapter through its root package only, never its internals"() {
        expect:
        noClasses().that().resideInAPackage('io.balancegraph.app..')
                .should().dependOnClassesThat().resideInAPackage('io.balancegraph.graphql.*..')
                .because('io.balancegraph.graphql holds what the app may use: the engine, its factory, settings, error codes, the access grant')
                .check(all)
    }

    def "the GraphQL adapter's internals are where the rule above looks for them"() {
        expect: 'the rule is not vacuous: the internal packages exist and hold classes'
        ['fetch', 'paging', 'read', 'error', 'limit'].every { pkg ->
            all.any { it.packageName == "io.balancegraph.graphql.$pkg" }
        }
    }

    def "nothing but the app depends on the app"() {
        expect:
        noClasses().that().resideOutsideOfPackage('io.balancegraph.app..')
                .should().dependOnClassesThat().resideInAPackage('io.balancegraph.app..')
                .check(all)
    }
}
