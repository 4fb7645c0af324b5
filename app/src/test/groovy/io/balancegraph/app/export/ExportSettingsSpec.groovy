package io.balancegraph.app.export

import io.micronaut.context.ApplicationContext
import spock.lang.Specification

import java.time.Duration

/** The export's bounds come from balancegraph.export.*: the issue's 200,000 transactions and 2 minutes unless set. */
class ExportSettingsSpec extends Specification {

    def "with #properties the export walks are bounded to #maxTransactions transactions and #timeout"() {
        given:
        def context = ApplicationContext.run(properties)

        when:
        def walks = context.getBean(ExportWalks.Walks)

        then:
        walks.maxTransactions() == maxTransactions
        walks.timeout() == timeout

        cleanup:
        context?.close()

        where:
        properties                                                                          || maxTransactions | timeout
        [:]                                                                                 || 200_000         | Duration.ofMinutes(2)
        ['balancegraph.export.max-transactions': '1234']                                    || 1_234           | Duration.ofMinutes(2)
        ['balancegraph.export.timeout': '45s']                                              || 200_000         | Duration.ofSeconds(45)
        ['balancegraph.export.max-transactions': '5000000', 'balancegraph.export.timeout': '1h'] || 5_000_000 | Duration.ofHours(1)
    }

    def "the defaults are the issue's"() {
        expect:
        new ExportSettings().maxTransactions == 200_000
        new ExportSettings().timeout == Duration.ofMinutes(2)
    }
}
