package io.balancegraph.app

import io.micronaut.http.HttpRequest
import io.micronaut.http.MediaType
import io.micronaut.http.client.HttpClient
import io.micronaut.http.client.annotation.Client
import io.micronaut.http.client.exceptions.HttpClientResponseException
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import jakarta.inject.Inject
import spock.lang.Specification

/** /health and /prometheus are open to anyone, and the metrics count every read of the upstream ledger. */
@MicronautTest
class HealthAndMetricsSpec extends Specification {

    @Inject
    @Client('/')
    HttpClient client

    String prometheus() {
        client.toBlocking().retrieve('/prometheus')
    }

    /** The value of the first sample of {@code metric} whose labels include all of {@code labels}, or null. */
    static Double sample(String scrape, String metric, Map<String, String> labels) {
        def line = scrape.readLines().find { line ->
            line.startsWith(metric + '{') && labels.every { name, value -> line.contains("${name}=\"${value}\"") }
        }
        line == null ? null : line.substring(line.lastIndexOf(' ') + 1) as Double
    }

    def "the app reports itself healthy, without details, to anyone"() {
        expect:
        client.toBlocking().retrieve('/health', Map) == [status: 'UP']
    }

    def "a balance query is counted as one successful upstream balance read"() {
        given:
        def before = sample(prometheus(), 'balancegraph_upstream_requests_seconds_count', [operation: 'balance', outcome: 'success']) ?: 0

        when:
        client.toBlocking().retrieve(HttpRequest.POST('/graphql', [query: '{ balance { livemode } }'])
                .contentType(MediaType.APPLICATION_JSON), Map)
        def scrape = prometheus()

        then:
        sample(scrape, 'balancegraph_upstream_requests_seconds_count', [operation: 'balance', outcome: 'success']) == before + 1
        sample(scrape, 'balancegraph_upstream_requests_seconds_sum', [operation: 'balance', outcome: 'success']) > 0
        sample(scrape, 'balancegraph_upstream_requests_seconds_bucket', [operation: 'balance', outcome: 'success', le: '30.0']) == before + 1
    }

    def "the Prometheus scrape has the JVM and HTTP server metrics too"() {
        given:
        client.toBlocking().retrieve('/health')

        when:
        def scrape = prometheus()

        then:
        scrape.contains('# TYPE jvm_memory_used_bytes gauge')
        sample(scrape, 'http_server_requests_seconds_count', [method: 'GET', uri: '/health', status: '200']) >= 1
    }

    def "no management endpoint but health and prometheus is exposed: #path"() {
        when:
        client.toBlocking().retrieve(path)

        then:
        def e = thrown(HttpClientResponseException)
        e.status.code == 404

        where:
        path << ['/beans', '/env', '/loggers', '/metrics', '/routes', '/info']
    }
}
