package io.balancegraph.graphql.limit

import graphql.ExecutionInput
import graphql.GraphqlErrorBuilder
import graphql.execution.instrumentation.ChainedInstrumentation
import graphql.execution.instrumentation.InstrumentationContext
import graphql.execution.instrumentation.InstrumentationState
import graphql.execution.instrumentation.SimplePerformantInstrumentation
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters
import graphql.execution.instrumentation.parameters.InstrumentationValidationParameters
import graphql.execution.preparsed.PreparsedDocumentEntry
import graphql.language.Document
import graphql.parser.ParserOptions
import graphql.validation.ValidationError
import io.balancegraph.graphql.AccessGrant
import io.balancegraph.graphql.Graph
import io.balancegraph.graphql.GraphQLSettings
import io.balancegraph.graphql.QueriesOnly
import spock.lang.Specification

import java.util.concurrent.atomic.AtomicInteger
import java.util.function.Function

class ParsedDocumentsSpec extends Specification {

    def documents = new ParsedDocuments(new GraphQLSettings())
    def parses = 0
    Function<ExecutionInput, PreparsedDocumentEntry> parse = { input ->
        parses++
        new PreparsedDocumentEntry(Document.newDocument().build())
    }

    def input(String query, String operationName = null) {
        ExecutionInput.newExecutionInput(query).operationName(operationName).build()
    }

    def "a query seen before is not parsed or validated again"() {
        when:
        def first = documents.getDocumentAsync(input('{ balance { livemode } }'), parse).join()
        def second = documents.getDocumentAsync(input('{ balance { livemode } }'), parse).join()

        then:
        parses == 1
        second.is(first)
    }

    def "the same query under another operation name is checked again"() {
        when:
        documents.getDocumentAsync(input('query A { a: balance { livemode } } query B { b: balance { livemode } }', 'A'), parse)
        documents.getDocumentAsync(input('query A { a: balance { livemode } } query B { b: balance { livemode } }', 'B'), parse)

        then:
        parses == 2
        documents.size() == 2
    }

    def "the same query from a queries-only request (a GET) is checked again"() {
        given:
        def get = input('{ balance { livemode } }')
        QueriesOnly.storeIn(get.graphQLContext)

        when:
        documents.getDocumentAsync(input('{ balance { livemode } }'), parse)
        documents.getDocumentAsync(get, parse)

        then:
        parses == 2
        documents.size() == 2
    }

    def "a document with errors is not kept"() {
        given:
        Function<ExecutionInput, PreparsedDocumentEntry> failing = { input ->
            parses++
            new PreparsedDocumentEntry(GraphqlErrorBuilder.newError().message('bad').build())
        }

        when:
        2.times { documents.getDocumentAsync(input('{ nope }'), failing).join() }

        then:
        parses == 2
        documents.size() == 0
    }

    def "a document is parsed with the configured parser limits"() {
        given:
        def settings = new GraphQLSettings(maxTokens: 123, maxCharacters: 4567, maxWhitespaceTokens: 89, maxRuleDepth: 10)
        ParserOptions seen = null
        Function<ExecutionInput, PreparsedDocumentEntry> recording = { input ->
            seen = input.graphQLContext.get(ParserOptions)
            new PreparsedDocumentEntry(Document.newDocument().build())
        }

        when:
        new ParsedDocuments(settings).getDocumentAsync(input('{ balance { livemode } }'), recording)

        then:
        seen.maxTokens == 123
        seen.maxCharacters == 4567
        seen.maxWhitespaceTokens == 89
        seen.maxRuleDepth == 10
    }

    def "the engine parses and validates a repeated query once, and answers it the same way each time"() {
        given: 'the engine as the app builds it, with an instrumentation counting parses and validations'
        def graph = new Graph()
        def parsed = new AtomicInteger()
        def validated = new AtomicInteger()
        def counting = new SimplePerformantInstrumentation() {
            @Override
            InstrumentationContext<Document> beginParse(InstrumentationExecutionParameters parameters, InstrumentationState state) {
                parsed.incrementAndGet()
                super.beginParse(parameters, state)
            }

            @Override
            InstrumentationContext<List<ValidationError>> beginValidation(InstrumentationValidationParameters parameters, InstrumentationState state) {
                validated.incrementAndGet()
                super.beginValidation(parameters, state)
            }
        }
        def engine = graph.graphQL.transform { it.instrumentation(new ChainedInstrumentation(graph.graphQL.instrumentation, counting)) }
        def run = { String query ->
            def input = ExecutionInput.newExecutionInput(query).build()
            AccessGrant.ALL.storeIn(input.graphQLContext)
            engine.execute(input).toSpecification()
        }

        when:
        def answers = (1..3).collect { run('{ balance { livemode } }') }

        then:
        parsed.get() == 1
        validated.get() == 1
        answers.every { it == [data: [balance: [livemode: false]]] }

        when: 'a query that parses and validates but fails in its field is remembered too; one that does not validate is not'
        def refused = (1..2).collect { run('{ balanceTransactions(first: 0) { nodes { id } } }') }
        2.times { run('{ nope }') }

        then:
        refused.every { it.errors*.extensions*.code == ['BAD_USER_INPUT'] }
        parsed.get() == 1 + 1 + 2
    }
}
