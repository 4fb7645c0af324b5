package io.balancegraph.app.export

import io.balancegraph.app.EndpointSpec
import io.micronaut.context.annotation.Property
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import jakarta.inject.Inject

/**
 * An export bound to 150 transactions by balancegraph.export.max-transactions, so that its first reads, 100 each,
 * find out before the first row.
 */
@MicronautTest
@Property(name = 'balancegraph.test.scripted-export', value = 'true')
@Property(name = 'balancegraph.export.max-transactions', value = '150')
class CsvExportBoundSpec extends EndpointSpec {

    @Inject
    ScriptedPort port

    def "more transactions than the bound, found before the first row, are a 422 EXPORT_TOO_LARGE naming the bound"() {
        given:
        port.reset(new GeneratedLedger(1_000))

        when:
        def answer = http.get(CsvExportSpec.PATH, CsvExportFailureSpec.WHOLE_RANGE)

        then:
        answer.status == 422
        answer.errorCode == 'EXPORT_TOO_LARGE'
        answer.json.errors[0].extensions.limit == 150
        answer.errorMessage.contains('more than 150 transactions')
    }

    def "as many as the bound are exported whole"() {
        given:
        port.reset(new GeneratedLedger(150))

        when:
        def answer = http.get(CsvExportSpec.PATH, CsvExportFailureSpec.WHOLE_RANGE)

        then:
        answer.status == 200
        answer.body.count('\r\n') == 151
    }
}
