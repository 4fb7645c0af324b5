package io.balancegraph.graphql.limit

import io.balancegraph.graphql.Graph

import graphql.ExecutionInput
import graphql.GraphqlErrorBuilder
import graphql.execution.preparsed.PreparsedDocumentEntry
import graphql.language.Document
import spock.lang.Specification

import java.util.function.Function

class ParsedDocumentsSpec extends Specification {

    def documents = new ParsedDocuments()
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

    def "the engine answers a repeated query the same way from the remembered document"() {
        given:
        def graph = new Graph()

        expect:
        graph.run('{ balance { livemode } }') == graph.run('{ balance { livemode } }')
        graph.run('{ balanceTransactions(first: 0) { nodes { id } } }').errors*.extensions*.code == ['BAD_USER_INPUT']
        graph.run('{ balanceTransactions(first: 0) { nodes { id } } }').errors*.extensions*.code == ['BAD_USER_INPUT']
    }
}
