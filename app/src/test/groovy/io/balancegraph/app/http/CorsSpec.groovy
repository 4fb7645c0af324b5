package io.balancegraph.app.http

import io.balancegraph.app.EndpointSpec
import io.balancegraph.app.RawHttp
import io.micronaut.context.ApplicationContext
import io.micronaut.context.annotation.Property
import io.micronaut.test.extensions.spock.annotation.MicronautTest

import java.net.http.HttpRequest

/** CORS for the configured frontend origins only, with access control on (a preflight carries no token). */
@MicronautTest
@Property(name = 'balancegraph.cors.allowed-origins', value = 'https://dashboard.example.com, https://admin.example.com:8443')
@Property(name = 'balancegraph.access.enabled', value = 'true')
@Property(name = 'balancegraph.access.tokens[0].token', value = CorsSpec.TOKEN)
@Property(name = 'balancegraph.access.tokens[0].accounts', value = 'platform')
class CorsSpec extends EndpointSpec {

    static final String TOKEN = 'frontend-token-0123456789abcdef'

    def "a preflight from the allowed origin #origin for #method is allowed, without a token"() {
        when:
        def answer = preflight(origin, method, 'authorization,content-type')

        then:
        answer.status == 200
        answer.header('Access-Control-Allow-Origin') == origin
        answer.header('Access-Control-Allow-Methods') == method
        answer.headers.allValues('Access-Control-Allow-Headers')*.toLowerCase().containsAll(['authorization', 'content-type'])
        answer.header('Vary') == 'Origin'

        where:
        origin                              | method
        'https://dashboard.example.com'     | 'POST'
        'https://dashboard.example.com'     | 'GET'
        'https://admin.example.com:8443'    | 'POST'
    }

    def "a preflight #refusal is refused: no Access-Control-Allow-Origin"() {
        when:
        def answer = preflight(origin, method, headers)

        then:
        answer.status >= 400
        answer.header('Access-Control-Allow-Origin') == null

        where:
        refusal                             | origin                           | method   | headers
        'from an origin not listed'         | 'https://evil.example.com'       | 'POST'   | 'authorization,content-type'
        'from a listed host on another port'| 'https://dashboard.example.com:444' | 'POST' | 'content-type'
        'from http instead of https'        | 'http://dashboard.example.com'   | 'POST'   | 'content-type'
        'for a method not allowed'          | 'https://dashboard.example.com'  | 'DELETE' | 'content-type'
        'for a header not allowed'          | 'https://dashboard.example.com'  | 'POST'   | 'x-custom'
    }

    def "a POST from an allowed origin is answered with its CORS headers"() {
        when:
        def answer = http.graphql('{ balance { livemode } }', [Origin: 'https://dashboard.example.com', Authorization: "Bearer $TOKEN"])

        then:
        answer.status == 200
        answer.header('Access-Control-Allow-Origin') == 'https://dashboard.example.com'
    }

    def "a 401 to an allowed origin carries its CORS headers, so the frontend can read why"() {
        when:
        def answer = http.graphql('{ balance { livemode } }', [Origin: 'https://dashboard.example.com'])

        then:
        answer.status == 401
        answer.header('Access-Control-Allow-Origin') == 'https://dashboard.example.com'
        answer.errorCode == 'UNAUTHENTICATED'
    }

    def "the app refuses to start with #origin as an allowed origin"() {
        when:
        ApplicationContext.run(['balancegraph.cors.allowed-origins': origin])

        then:
        def e = thrown(Exception)
        def messages = []
        for (def cause = e; cause != null; cause = cause.cause) {
            messages << cause.message
        }
        messages.any { it.contains("balancegraph.cors.allowed-origins: '$origin' is not an origin") }

        where:
        origin << ['*', 'dashboard.example.com', 'https://dashboard.example.com/app', 'ftp://dashboard.example.com']
    }

    private RawHttp.Answer preflight(String origin, String method, String headers) {
        http.send('OPTIONS', '/graphql', HttpRequest.BodyPublishers.noBody(), [
                Origin                          : origin,
                'Access-Control-Request-Method' : method,
                'Access-Control-Request-Headers': headers])
    }
}
