package io.balancegraph.app

import ch.qos.logback.classic.Logger
import ch.qos.logback.classic.spi.ILoggingEvent
import ch.qos.logback.core.read.ListAppender
import io.balancegraph.app.metrics.MeteredLedger
import io.balancegraph.app.startup.LedgerDescription
import io.balancegraph.app.startup.StartupReporter
import io.balancegraph.domain.demo.DemoLedger
import io.balancegraph.domain.account.Account
import io.balancegraph.domain.port.BalanceLedger
import io.balancegraph.domain.port.ListBalanceTransactionsPort
import io.balancegraph.domain.query.BalanceTransactionQuery
import io.balancegraph.domain.port.ReadBalancePort
import io.balancegraph.stripe.StripeLedgers
import io.micronaut.context.ApplicationContext
import io.micronaut.inject.qualifiers.Qualifiers
import io.micronaut.runtime.server.EmbeddedServer
import org.slf4j.LoggerFactory
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification

/** Which ledger is served, metered, and said so at start-up. */
class LedgerWiringSpec extends Specification {

    @Shared Logger reporterLog = (Logger) LoggerFactory.getLogger(StartupReporter)
    @Shared ListAppender<ILoggingEvent> startupLog = new ListAppender<>()
    @Shared @AutoCleanup EmbeddedServer server

    def setupSpec() {
        startupLog.start()
        reporterLog.addAppender(startupLog)
        server = ApplicationContext.run(EmbeddedServer, ['micronaut.server.port': -1])
    }

    def cleanupSpec() {
        reporterLog.detachAppender(startupLog)
    }

    def "with no Stripe key the app says at start-up that it serves the demo ledger"() {
        when:
        def messages = startupLog.list*.formattedMessage

        then:
        messages.size() == 1
        messages[0].startsWith("Serving demo ledger (no stripe.api-key set) at ${server.URL}/graphql")
        messages[0].contains("GraphiQL ${server.URL}/graphiql")
        messages[0].contains("health ${server.URL}/health, metrics ${server.URL}/prometheus")
    }

    def "the ledger every part of the app receives is the metered demo ledger"() {
        given:
        def context = server.applicationContext

        expect:
        context.getBean(BalanceLedger) instanceof MeteredLedger
        context.getBean(ReadBalancePort).is(context.getBean(BalanceLedger))
    }

    def "the bulk list port (@Named bulk) is the metered ledger's bulk view: the demo's pages, timed as bulk reads"() {
        given:
        def context = server.applicationContext
        def bulk = context.getBean(ListBalanceTransactionsPort, Qualifiers.byName(LedgerFactory.BULK))
        def registry = context.getBean(io.micrometer.core.instrument.MeterRegistry)
        def query = BalanceTransactionQuery.builder().limit(5).build()

        when:
        def page = bulk.listTransactions(Account.platform(), query).toCompletableFuture().join()

        then:
        page.items()*.id() == DemoLedger.create().listTransactions(Account.platform(), query).toCompletableFuture().join().items()*.id()
        registry.find(MeteredLedger.METRIC).tags(MeteredLedger.OPERATION, 'bulk_list_transactions').timer().count() >= 1
        context.getBean(ListBalanceTransactionsPort).is(context.getBean(BalanceLedger))
    }

    def "with metrics turned off the app still starts, and serves the ledger unmetered"() {
        when:
        def context = ApplicationContext.run(['micronaut.metrics.enabled': false])

        then:
        !context.containsBean(io.micrometer.core.instrument.MeterRegistry)
        !(context.getBean(BalanceLedger) instanceof MeteredLedger)
        context.getBean(BalanceLedger).readBalance(io.balancegraph.domain.account.Account.platform())
                .toCompletableFuture().join().currencies()*.code == ['EUR', 'JPY', 'KWD', 'USD']

        cleanup:
        context?.close()
    }

    def "a Stripe ledger is described by its base URL and key prefix alone: #apiKey"() {
        given:
        def stripe = StripeLedgers.builder().apiKey(apiKey).baseUrl(baseUrl).build()

        when:
        def text = LedgerDescription.of(stripe).text()

        then:
        text == expected
        !text.contains(apiKey.substring(8))

        cleanup:
        stripe.close()

        where:
        apiKey                        | baseUrl                  | expected
        'sk_test_51HabcDEFsecretPart' | 'https://api.stripe.com' | 'Stripe at https://api.stripe.com (key sk_test_…)'
        'rk_test_51HabcDEFsecretPart' | 'http://localhost:12111' | 'Stripe at http://localhost:12111 (key rk_test_…)'
    }

    def "the demo ledger is described as such"() {
        expect:
        LedgerDescription.of(DemoLedger.create()).text() == 'demo ledger (no stripe.api-key set)'
    }
}
