package io.balancegraph.app.http

import io.balancegraph.app.EndpointSpec
import io.balancegraph.app.RawHttp
import io.micronaut.context.annotation.Property
import io.micronaut.context.annotation.Requires
import io.micronaut.http.annotation.Controller
import io.micronaut.http.annotation.Get
import io.micronaut.test.extensions.spock.annotation.MicronautTest

import java.net.http.HttpRequest

/** The GraphQL over HTTP rules of /graphql, over real HTTP, in demo mode (no token needed). */
@MicronautTest
@Property(name = 'spec.name', value = 'GraphQLOverHttpSpec')
class GraphQLOverHttpSpec extends EndpointSpec {

    static final String BALANCE = '{ balance { livemode } }'
    static final String BODY = /{"query":"{ balance { livemode } }"}/
    static final Map JSON = ['Content-Type': 'application/json']

    def "a POST with Accept: #accept is answered in #contentType"() {
        when:
        def answer = http.post('/graphql', BODY, accept == null ? JSON : JSON + [Accept: accept])

        then:
        answer.status == 200
        answer.header('Content-Type') == contentType
        answer.json == [data: [balance: [livemode: false]]]

        where:
        accept                                                    || contentType
        null                                                      || 'application/json;charset=utf-8'
        'application/json'                                        || 'application/json;charset=utf-8'
        'application/graphql-response+json'                       || 'application/graphql-response+json;charset=utf-8'
        'application/graphql-response+json, application/json;q=0.9' || 'application/graphql-response+json;charset=utf-8'
        'application/json;q=0.5, application/graphql-response+json' || 'application/graphql-response+json;charset=utf-8'
        'application/json;q=0, application/graphql-response+json'   || 'application/graphql-response+json;charset=utf-8'
        '*/*'                                                     || 'application/json;charset=utf-8'
        'application/*'                                           || 'application/json;charset=utf-8'
        'text/html, */*;q=0.8'                                    || 'application/json;charset=utf-8'
    }

    def "a POST that accepts neither JSON type (#accept) is refused with 406 in JSON"() {
        when:
        def answer = http.post('/graphql', BODY, JSON + [Accept: accept])

        then:
        answer.status == 406
        answer.header('Content-Type') == 'application/json;charset=utf-8'
        answer.errorCode == 'NOT_ACCEPTABLE'

        where:
        accept << ['text/html', 'application/xml', 'application/json;q=0', 'nonsense']
    }

    def "#request is refused with #status #code: #message"() {
        when:
        def answer = send(http)

        then:
        answer.status == status
        answer.errorCode == code
        answer.errorMessage.contains(message)
        answer.header('Content-Type').startsWith('application/json')
        !answer.body.contains('Exception')
        !(answer.body =~ /\bat [a-z]+\.[a-z]+\./)

        where:
        request                                  | send                                                                                      || status | code                     | message
        'a body of text/plain'                   | { it.post('/graphql', BODY, ['Content-Type': 'text/plain']) }                           || 415    | 'UNSUPPORTED_MEDIA_TYPE' | 'application/json'
        'a form body'                            | { it.post('/graphql', 'query=%7B%7D', ['Content-Type': 'application/x-www-form-urlencoded']) } || 415 | 'UNSUPPORTED_MEDIA_TYPE' | 'application/json'
        'a body of application/graphql'          | { it.post('/graphql', BALANCE, ['Content-Type': 'application/graphql']) }               || 415    | 'UNSUPPORTED_MEDIA_TYPE' | 'application/json'
        'a body without Content-Type'            | { it.post('/graphql', BODY, [:]) }                                                      || 415    | 'UNSUPPORTED_MEDIA_TYPE' | 'application/json'
        'JSON in another charset'                | { it.post('/graphql', BODY, ['Content-Type': 'application/json; charset=iso-8859-1']) } || 415    | 'UNSUPPORTED_MEDIA_TYPE' | 'UTF-8'
        'JSON in an unknown charset'             | { it.post('/graphql', BODY, ['Content-Type': 'application/json; charset=nonsense-42']) } || 415   | 'UNSUPPORTED_MEDIA_TYPE' | 'UTF-8'
        'an empty body'                          | { it.post('/graphql', '') }                                                             || 400    | 'BAD_REQUEST'            | 'body is empty'
        'malformed JSON'                         | { it.post('/graphql', '{ "not a JSON') }                                                || 400    | 'BAD_REQUEST'            | 'not valid JSON (line 1, column'
        'JSON with trailing garbage'             | { it.post('/graphql', BODY + ' x') }                                                    || 400    | 'BAD_REQUEST'            | 'not valid JSON'
        'JSON nested 5000 deep'                  | { it.post('/graphql', /{"query":"{ __typename }","variables":{"a":${'[' * 5000}${']' * 5000}}}/) } || 400 | 'BAD_REQUEST'  | 'nested too deeply'
        'a batch (JSON array)'                   | { it.post('/graphql', "[$BODY, $BODY]") }                                               || 400    | 'BAD_REQUEST'            | 'Batching is not supported'
        'a JSON string body'                     | { it.post('/graphql', '"{ balance { livemode } }"') }                                   || 400    | 'BAD_REQUEST'            | 'must be a JSON object'
        'a body without query'                   | { it.post('/graphql', '{"qeury":"{ __typename }"}') }                                   || 400    | 'BAD_REQUEST'            | 'no "query"'
        'a null query'                           | { it.post('/graphql', '{"query":null}') }                                               || 400    | 'BAD_REQUEST'            | 'no "query"'
        'a query that is an object'              | { it.post('/graphql', '{"query":{"obj":"ect"}}') }                                      || 400    | 'BAD_REQUEST'            | '"query" must be a string, not an object'
        'a query that is a number'               | { it.post('/graphql', '{"query":0}') }                                                  || 400    | 'BAD_REQUEST'            | '"query" must be a string, not a number'
        'variables that are a string'            | { it.post('/graphql', '{"query":"{ __typename }","variables":"{}"}') }                  || 400    | 'BAD_REQUEST'            | '"variables" must be a JSON object, not a string'
        'variables that are an array'            | { it.post('/graphql', '{"query":"{ __typename }","variables":[]}') }                    || 400    | 'BAD_REQUEST'            | '"variables" must be a JSON object, not an array'
        'extensions that are a number'           | { it.post('/graphql', '{"query":"{ __typename }","extensions":0}') }                    || 400    | 'BAD_REQUEST'            | '"extensions" must be a JSON object, not a number'
        'an operationName that is a boolean'     | { it.post('/graphql', '{"query":"{ __typename }","operationName":false}') }             || 400    | 'BAD_REQUEST'            | '"operationName" must be a string, not a boolean'
        'an unknown operationName'               | { it.post('/graphql', '{"query":"query A { __typename }","operationName":"B"}') }       || 400    | 'OPERATION_RESOLUTION_FAILURE' | "no operation named 'B'"
        'two operations and no operationName'    | { it.post('/graphql', '{"query":"query A { __typename } query B { __typename }"}') }    || 400    | 'OPERATION_RESOLUTION_FAILURE' | 'name the one to run'
        'a GET without query'                    | { it.get('/graphql') }                                                                  || 400    | 'BAD_REQUEST'            | 'no "query" parameter'
        'a GET with query given twice'           | { it.send('GET', '/graphql?query=%7B__typename%7D&query=%7B__typename%7D', HttpRequest.BodyPublishers.noBody()) } || 400 | 'BAD_REQUEST' | 'given 2 times'
        'a GET with variables that are not JSON' | { it.get('/graphql', [query: '{ __typename }', variables: '{oops']) }                  || 400    | 'BAD_REQUEST'            | '"variables" parameter is not valid JSON'
        'a GET with an unknown operationName'    | { it.get('/graphql', [query: 'query A { __typename }', operationName: 'B']) }           || 400    | 'OPERATION_RESOLUTION_FAILURE' | "no operation named 'B'"
        'a mutation by GET'                      | { it.get('/graphql', [query: 'mutation { __typename }']) }                              || 405    | 'METHOD_NOT_ALLOWED'     | 'use POST'
        'a subscription by GET'                  | { it.get('/graphql', [query: 'subscription S { __typename }']) }                        || 405    | 'METHOD_NOT_ALLOWED'     | 'use POST'
        'a subscription by POST'                 | { it.post('/graphql', '{"query":"subscription { balanceChanged { livemode } }"}') }    || 400    | 'OPERATION_NOT_ALLOWED'  | 'graphql-ws'
        'a PUT'                                  | { it.send('PUT', '/graphql', HttpRequest.BodyPublishers.ofString(BODY), JSON) }         || 405    | 'METHOD_NOT_ALLOWED'     | 'Allow header'
        'a body over 64 KB'                      | { it.post('/graphql', bodyOf(70_000)) }                                                 || 413    | 'PAYLOAD_TOO_LARGE'      | 'too large'
        'a chunked body over 64 KB'              | { chunked(it, bodyOf(70_000)) }                                                               || 413    | 'PAYLOAD_TOO_LARGE'      | 'too large'
        'a GET with a URL over 4 KB'             | { it.get('/graphql', [query: '{ __typename }' + ' ' * 5000]) }                         || 413    | 'PAYLOAD_TOO_LARGE'      | 'by POST'
        'a path that does not exist'             | { it.get('/nothing-here') }                                                             || 404    | 'NOT_FOUND'              | 'nothing at this path'
    }

    def "a mutation sent by GET is answered with Allow: POST"() {
        when:
        def answer = http.get('/graphql', [query: 'mutation { __typename }'], [Accept: 'application/graphql-response+json'])

        then:
        answer.status == 405
        answer.header('Allow') == 'POST'
        answer.header('Content-Type') == 'application/graphql-response+json;charset=utf-8'
    }

    def "a GET runs a query, with its variables and operationName"() {
        when:
        def answer = http.get('/graphql', [
                query        : 'query Other { __typename } query Connected($account: ID) { balance(account: $account) { livemode } }',
                operationName: 'Connected',
                variables    : '{"account":"acct_1DemoConnected"}'])

        then:
        answer.status == 200
        answer.json == [data: [balance: [livemode: false]]]
    }

    def "a body just under the size limit is read"() {
        when:
        def answer = http.post('/graphql', bodyOf(60_000))

        then:
        answer.status == 200
        answer.json.data.balance.livemode == false
    }

    def "a document that #fails is a 400 without data in graphql-response+json, a 200 in application/json"() {
        when:
        def strict = http.post('/graphql', body, JSON + [Accept: 'application/graphql-response+json'])
        def legacy = http.post('/graphql', body, JSON + [Accept: 'application/json'])

        then:
        strict.status == 400
        !strict.json.containsKey('data')
        strict.json.errors.size() >= 1
        legacy.status == 200
        legacy.json.errors.size() >= 1

        where:
        fails                     | body
        'does not parse'          | '{"query":"{"}'
        'does not validate'       | '{"query":"{ noSuchField }"}'
        'has variables of a wrong type' | '{"query":"query Q($id: ID!) { __typename }","variables":{"id":null}}'
    }

    def "null operationName, variables and extensions are as good as absent"() {
        when:
        def answer = http.post('/graphql', '{"query":"{ balance { livemode } }","operationName":null,"variables":null,"extensions":null}')

        then:
        answer.status == 200
        answer.json == [data: [balance: [livemode: false]]]
    }

    def "GraphQL responses are not stored by caches"() {
        expect:
        http.post('/graphql', BODY).header('Cache-Control') == 'no-store'
    }

    def "an unexpected exception is a 500 with a generic message and nothing of the exception"() {
        when:
        def answer = http.get('/test-only/boom')

        then:
        answer.status == 500
        answer.json == [errors: [[message: 'Internal server error.', extensions: [code: 'INTERNAL_SERVER_ERROR']]]]
    }

    def "CORS is off unless origins are configured: a preflight gets no Access-Control-Allow-Origin"() {
        when:
        def answer = http.send('OPTIONS', '/graphql', HttpRequest.BodyPublishers.noBody(), [
                Origin: 'https://dashboard.example.com', 'Access-Control-Request-Method': 'POST'])

        then:
        answer.status >= 400
        answer.header('Access-Control-Allow-Origin') == null
    }

    def "the schema's SDL is served for code generators"() {
        when:
        def answer = http.get('/graphql/schema.graphqls')

        then:
        answer.status == 200
        answer.header('Content-Type') == 'text/plain;charset=utf-8'
        answer.body == io.balancegraph.graphql.BalanceGraphSchema.sdl()
        answer.body.contains('type Query')
    }

    private static String bodyOf(int size) {
        String head = /{"query":"{ balance { livemode } }","extensions":{"padding":"/
        String tail = '"}}'
        head + 'x' * (size - head.length() - tail.length()) + tail
    }

    private static RawHttp.Answer chunked(RawHttp http, String body) {
        def unknownLength = HttpRequest.BodyPublishers.ofInputStream { new ByteArrayInputStream(body.bytes) }
        http.send('POST', '/graphql', unknownLength, JSON)
    }

    @Requires(property = 'spec.name', value = 'GraphQLOverHttpSpec')
    @Controller('/test-only')
    static class ExplodingController {
        @Get('/boom')
        String boom() {
            throw new IllegalStateException('sk_test_thisMustNeverReachAClient')
        }
    }
}
