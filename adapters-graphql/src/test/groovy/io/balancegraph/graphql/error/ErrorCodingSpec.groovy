package io.balancegraph.graphql.error

import graphql.GraphqlErrorBuilder
import spock.lang.Specification

class ErrorCodingSpec extends Specification {

    def "an error that nobody coded is INTERNAL, and its text stays in the server log"() {
        given:
        def uncoded = GraphqlErrorBuilder.newError().message('Exception while fetching data (/x) : secret internals').build()

        when:
        def coded = ErrorCoding.coded(uncoded)

        then:
        coded.extensions.code == 'INTERNAL'
        coded.extensions.errorId ==~ /[0-9a-f-]{36}/
        !coded.message.contains('secret internals')
        !coded.message.contains('Exception')
    }

    def "an error that already has a code is left as it is"() {
        given:
        def error = GraphqlErrorBuilder.newError().message('page size').extensions([code: 'BAD_USER_INPUT']).build()

        expect:
        ErrorCoding.coded(error).is(error)
    }
}
