package io.balancegraph.domain.architecture

import com.tngtech.archunit.core.domain.JavaClass
import com.tngtech.archunit.core.importer.ClassFileImporter
import com.tngtech.archunit.core.importer.ImportOption
import com.tngtech.archunit.lang.ArchCondition
import com.tngtech.archunit.lang.ArchRule
import com.tngtech.archunit.lang.ConditionEvents
import com.tngtech.archunit.lang.SimpleConditionEvent
import groovy.transform.CompileStatic
import spock.lang.Shared
import spock.lang.Specification

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes

class DomainArchitectureSpec extends Specification {

    /** Money is exact: no {@code double}, {@code float}, {@code Double} or {@code Float} anywhere in the domain. */
    static final ArchRule NO_FLOATING_POINT = classes().that().resideInAPackage('io.balancegraph.domain..')
            .should(new NoFloatingPoint())

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
        NO_FLOATING_POINT.check(classes)
    }

    def "the floating-point rule catches #sample"() {
        when:
        def result = NO_FLOATING_POINT.evaluate(new ClassFileImporter().importClasses(type))

        then:
        result.hasViolation() == violated
        !violated || result.failureReport.details.any { it.contains(type.simpleName) && it.contains(what) }

        where:
        sample                                  | type                || violated | what
        'a double field'                        | AmountAsDouble      || true     | 'double'
        'a float parameter'                     | RateAsFloat         || true     | 'float'
        'a Double returned'                     | BoxedDouble         || true     | 'java.lang.Double'
        'a call to Float'                       | ParsesFloat         || true     | 'java.lang.Float'
        'nothing of the kind (a long amount)'   | AmountAsLong        || false    | ''
    }

    def "ports are interfaces"() {
        expect:
        classes().that().resideInAPackage('io.balancegraph.domain.port..').should().beInterfaces().check(classes)
    }

    /** Fields, parameters, return types and any other use (a call, a cast) of the four floating-point types. */
    static final class NoFloatingPoint extends ArchCondition<JavaClass> {

        static final Set<String> FLOATING = ['double', 'float', 'java.lang.Double', 'java.lang.Float'] as Set

        NoFloatingPoint() {
            super('use no floating point (double, float, Double, Float)')
        }

        @Override
        void check(JavaClass type, ConditionEvents events) {
            type.fields.findAll { it.rawType.name in FLOATING }.each {
                events.add(SimpleConditionEvent.violated(type, "${it.fullName} is a ${it.rawType.name}"))
            }
            type.codeUnits.each { unit ->
                unit.rawParameterTypes.findAll { it.name in FLOATING }.each {
                    events.add(SimpleConditionEvent.violated(type, "${unit.fullName} takes a ${it.name}"))
                }
                if (unit.rawReturnType.name in FLOATING) {
                    events.add(SimpleConditionEvent.violated(type, "${unit.fullName} returns a ${unit.rawReturnType.name}"))
                }
            }
            type.directDependenciesFromSelf.findAll { it.targetClass.name in FLOATING }.each {
                events.add(SimpleConditionEvent.violated(type, it.description))
            }
        }
    }

    @CompileStatic
    static class AmountAsDouble {
        double amount
    }

    @CompileStatic
    static class RateAsFloat {
        static long times(long amount, float rate) {
            amount
        }
    }

    @CompileStatic
    static class BoxedDouble {
        static Double amount() {
            null
        }
    }

    @CompileStatic
    static class ParsesFloat {
        static boolean parses(String text) {
            Float.valueOf(text) != null
        }
    }

    @CompileStatic
    static class AmountAsLong {
        long amount
    }
}
