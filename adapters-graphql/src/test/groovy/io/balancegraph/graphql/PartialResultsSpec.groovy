package io.balancegraph.graphql

import com.fasterxml.jackson.databind.ObjectMapper
import io.balancegraph.domain.error.AuthenticationException
import io.balancegraph.domain.error.InvalidRequestException
import io.balancegraph.domain.error.NotFoundException
import io.balancegraph.domain.error.PermissionException
import io.balancegraph.domain.error.RateLimitedException
import io.balancegraph.domain.error.UpstreamConnectionException
import io.balancegraph.domain.error.UpstreamError
import io.balancegraph.domain.error.UpstreamUnavailableException
import spock.lang.Specification
import spock.lang.Unroll

import java.time.Duration

/** When one upstream read fails, its field is null with a coded error, and the other fields still answer. */
class PartialResultsSpec extends Specification {

    static final String SECRET_MESSAGE = 'Invalid API Key provided: sk_test_****************1234'

    def ledger = new RecordingLedger()
    def graph = new Graph(ledger)

    static UpstreamError stripeSaid(int status, String type, String code, String param = null) {
        new UpstreamError(status, type, code, param, SECRET_MESSAGE, 'req_8Jk2Ab')
    }

    @Unroll
    def "a #failure.class.simpleName reading the balance is #code, and the transactions still answer"() {
        given:
        ledger.failures.readBalance = failure

        when:
        def answer = graph.run('{ balance { livemode } currencies { code } balanceTransactions(first: 2) { nodes { id } } }')

        then:
        answer.data.balance == null
        answer.data.currencies == null
        answer.data.balanceTransactions.nodes.size() == 2
        answer.errors*.path == [['balance'], ['currencies']]
        answer.errors.every { it.extensions.code == code && it.extensions.requestId == 'req_8Jk2Ab' }
        answer.errors.every { it.extensions.subMap(extra.keySet()) == extra }
        !new ObjectMapper().writeValueAsString(answer).contains('sk_test')
        ledger.calls('readBalance').size() == 1

        where:
        failure                                                                                            | code                      | extra
        new AuthenticationException(stripeSaid(401, 'invalid_request_error', null))                       | 'UPSTREAM_AUTHENTICATION' | [:]
        new PermissionException(stripeSaid(403, 'invalid_request_error', 'account_invalid'))               | 'FORBIDDEN'               | [upstreamCode: 'account_invalid']
        new NotFoundException(stripeSaid(404, 'invalid_request_error', 'resource_missing'))                | 'NOT_FOUND'               | [upstreamCode: 'resource_missing']
        new RateLimitedException(stripeSaid(429, 'rate_limit_error', 'rate_limit'), Duration.ofSeconds(2)) | 'RATE_LIMITED'            | [retryAfterSeconds: 2]
        new RateLimitedException(stripeSaid(429, 'rate_limit_error', 'rate_limit'), null)                 | 'RATE_LIMITED'            | [:]
        new UpstreamUnavailableException(stripeSaid(503, 'api_error', null))                               | 'UPSTREAM_UNAVAILABLE'    | [:]
        new UpstreamConnectionException(stripeSaid(0, null, null))                                         | 'UPSTREAM_UNAVAILABLE'    | [:]
        new InvalidRequestException(stripeSaid(400, 'invalid_request_error', 'parameter_unknown', 'foo'))  | 'UPSTREAM_REJECTED'       | [upstreamCode: 'parameter_unknown']
        new InvalidRequestException(stripeSaid(400, 'invalid_request_error', null))                        | 'UPSTREAM_REJECTED'       | [:]
    }

    def "a rate-limited read tells the client to wait #seconds s for a wait of #wait, and says whose limit it was"() {
        given:
        ledger.failures.readBalance = new RateLimitedException(stripeSaid(status, 'rate_limit_error', null), wait)

        when:
        def answer = graph.run('{ balance { livemode } }')

        then:
        answer.errors*.extensions*.code == ['RATE_LIMITED']
        answer.errors[0].extensions.retryAfterSeconds == seconds
        answer.errors[0].message == message

        where:
        status | wait                      | seconds | message
        429    | Duration.ofMillis(11_500) | 12      | 'Stripe is rate-limiting this server; try again later'
        429    | Duration.ofSeconds(3)     | 3       | 'Stripe is rate-limiting this server; try again later'
        429    | Duration.ofMillis(1)      | 1       | 'Stripe is rate-limiting this server; try again later'
        0      | Duration.ofMillis(2_001)  | 3       | "The server's budget of Stripe requests is used up for now; try again later"
    }

    def "a failed page of transactions leaves the balance answering"() {
        given:
        ledger.failures.listTransactions = new UpstreamUnavailableException(stripeSaid(502, 'api_error', null))

        when:
        def answer = graph.run('{ balance { livemode } balanceTransactions { nodes { id } } }')

        then:
        answer.data == [balance: [livemode: false], balanceTransactions: null]
        answer.errors*.extensions*.code == ['UPSTREAM_UNAVAILABLE']
        answer.errors[0].path == ['balanceTransactions']
        answer.errors[0].locations == [[line: 1, column: 24]]
    }

    def "Stripe refusing a cursor's transaction is the client's bad input, named by its argument"() {
        given:
        ledger.failures.listTransactions = new InvalidRequestException(stripeSaid(400, 'invalid_request_error', 'resource_missing', 'ending_before'))
        def cursor = new Graph(new RecordingLedger(), Graph.settings(cursorSecret: 'x' * 32)).run('{ balanceTransactions(first: 1) { pageInfo { endCursor } } }')
                .data.balanceTransactions.pageInfo.endCursor
        def graph = new Graph(ledger, Graph.settings(cursorSecret: 'x' * 32))

        when:
        def answer = graph.run("{ balanceTransactions(last: 2, before: \"$cursor\") { nodes { id } } }")

        then:
        answer.errors[0].extensions.subMap('code', 'argument', 'requestId') == [code: 'BAD_USER_INPUT', argument: 'before', requestId: 'req_8Jk2Ab']
    }

    def "an unexpected failure is INTERNAL with a generic message and an error id, never its text or stack"() {
        given:
        ledger.failures.readBalance = new IllegalStateException('connection pool of sk_live_abc exhausted at io.balancegraph.Secret')

        when:
        def answer = graph.run('{ balance { livemode } }')
        def json = new ObjectMapper().writeValueAsString(answer)

        then:
        answer.errors*.extensions*.code == ['INTERNAL']
        answer.errors[0].extensions.errorId ==~ /[0-9a-f-]{36}/
        answer.errors[0].message == "Internal error; the server's log has the details under this errorId"
        !json.contains('sk_live')
        !json.contains('Exception')
        !json.contains('at io.')
    }

    def "a port that throws instead of failing its stage is an error of that field only"() {
        given:
        def graph = new Graph(new RecordingLedger() {
            @Override
            java.util.concurrent.CompletionStage readBalance(io.balancegraph.domain.account.Account account) {
                throw new NullPointerException('bug')
            }
        })

        when:
        def answer = graph.run('{ balance { livemode } balanceTransactions(first: 1) { nodes { id } } }')

        then:
        answer.data.balance == null
        answer.data.balanceTransactions.nodes.size() == 1
        answer.errors*.extensions*.code == ['INTERNAL']
    }
}
