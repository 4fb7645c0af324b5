package io.balancegraph.domain.architecture

import com.tngtech.archunit.core.importer.ClassFileImporter
import com.tngtech.archunit.core.importer.ImportOption
import spock.lang.Shared
import spock.lang.Specification

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses

class DomainArchitectureSpec extends Specification {

    @Shared classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages('io.balancegraph.domain')

    def "the domain depends on the JDK and on itself only"() {
        expect:
        !classes.isEmpty()
        classes().should().onlyDependOnClassesThat()
                .resideInAnyPackage('io.balancegraph.domain..', 'java..')
                .check(classes)
    }

    def "the domain uses no floating point for money"() {
        expect:
        noClasses().that().resideInAPackage('io.balancegraph.domain.money..')
                .should().dependOnClassesThat().haveFullyQualifiedName('java.lang.Double')
                .check(classes)
    }

    def "ports are interfaces"() {
        expect:
        classes().that().resideInAPackage('io.balancegraph.domain.port..').should().beInterfaces().check(classes)
    }
}
