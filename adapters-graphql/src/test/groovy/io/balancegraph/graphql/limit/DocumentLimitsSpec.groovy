package io.balancegraph.graphql.limit

import graphql.parser.Parser
import io.balancegraph.graphql.ErrorCode
import spock.lang.Specification
import spock.lang.Unroll

/** What a document asks for is counted before it is validated, fragments wherever they are spread. */
class DocumentLimitsSpec extends Specification {

    @Unroll
    def "#document counts #fields fields, #aliases aliases and #directives directives"() {
        when:
        def counts = DocumentLimits.count(Parser.parse(document))

        then:
        [counts.fields, counts.aliases, counts.directives] == [fields, aliases, directives]

        where:
        document                                                                            | fields | aliases | directives
        '{ balance { livemode } }'                                                          | 2      | 0       | 0
        '{ a: balance { livemode } b: balance { l: livemode } }'                            | 4      | 3       | 0
        '{ balance { ...f ...f } } fragment f on Balance { livemode readAt }'               | 5      | 0       | 0
        '{ balance { ...f @skip(if: true) } } fragment f on Balance @a { x: livemode @b }'  | 2      | 1       | 3
        '{ balance { ... on Balance @c { livemode } } }'                                    | 2      | 0       | 1
        'query Q @d { __typename }'                                                         | 1      | 0       | 1
        'query Q($v: Int @e) { __typename }'                                                | 1      | 0       | 1
        '{ balance { ...a } } fragment a on Balance { livemode ...a }'                      | 2      | 0       | 0
        '{ balance { ...missing } }'                                                         | 1      | 0       | 0
        'fragment unused on Balance { livemode readAt }'                                    | 2      | 0       | 0
        'query A { balance { livemode } } query B { currencies { code } }'                  | 4      | 0       | 0
    }

    def "a fragment bomb is counted in linear time and its count saturates"() {
        given:
        def document = '{ balance { ...f0 } } ' + (1..200).collect { "fragment f${it - 1} on Balance { ...f$it ...f$it }" }.join(' ') +
                ' fragment f200 on Balance { livemode }'

        when:
        def counts = DocumentLimits.count(Parser.parse(document))

        then:
        counts.fields == 1L << 40
    }

    def "the first limit exceeded is reported with its code and the limit"() {
        given:
        def limits = new DocumentLimits(1, 3, 0)

        expect:
        limits.check(Parser.parse('{ balance { livemode } }')).empty
        limits.check(Parser.parse('{ balance { livemode readAt available { money { amount } } } }')).get().code() == ErrorCode.TOO_MANY_FIELDS
        limits.check(Parser.parse('{ a: balance { b: livemode } }')).get().extensions() == [code: 'TOO_MANY_ALIASES', limit: 1]
        limits.check(Parser.parse('{ balance { livemode @skip(if: false) } }')).get().code() == ErrorCode.TOO_MANY_DIRECTIVES
    }
}
