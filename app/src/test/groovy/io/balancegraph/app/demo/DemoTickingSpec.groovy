package io.balancegraph.app.demo

import io.balancegraph.app.events.AccountChange
import io.balancegraph.app.events.AccountChanges
import io.balancegraph.domain.account.Account
import io.balancegraph.domain.demo.DemoLedger
import io.balancegraph.domain.money.Currency
import io.balancegraph.domain.query.BalanceTransactionQuery
import io.micronaut.runtime.server.EmbeddedServer
import io.micronaut.runtime.server.event.ServerStartupEvent
import io.micronaut.scheduling.TaskScheduler
import spock.lang.Specification

import java.time.Clock
import java.time.Duration
import java.time.Instant
import java.time.ZoneOffset
import java.util.function.Consumer

/** Demo ticking: the same small charges on every run, each with its event, scheduled only once the server listens. */
class DemoTickingSpec extends Specification {

    static final Instant NOW = Instant.parse('2026-12-01T12:00:00Z')

    def ledger = new TickingDemoLedger(DemoLedger.create())
    List<AccountChange> published = []
    def changes = new AccountChanges() {
        void publish(AccountChange change) { published << change }

        AutoCloseable subscribe(Consumer<AccountChange> listener) { return {} }
    }
    def scheduler = Mock(TaskScheduler)
    def ticker = new DemoTicker(ledger, changes, Clock.fixed(NOW, ZoneOffset.UTC), scheduler, new DemoSettings(tickInterval: Duration.ofSeconds(5)))

    long usdAvailable() {
        ledger.readBalance(Account.platform()).toCompletableFuture().join().available().find { it.currency() == Currency.USD }.money().minorUnits()
    }

    def "the n-th tick is a card charge of USD 1.00 + n cents less 2.9 % + 30 cents, available at once: #gross gross, #net net"() {
        given:
        def before = usdAvailable()
        (n - 1).times { ledger.tick(NOW) }
        def start = usdAvailable()

        when:
        def charge = ledger.tick(NOW)

        then:
        charge.id() == "txn_demoT0000$n"
        charge.amount().minorUnits() == gross
        charge.net().minorUnits() == net
        charge.fee().minorUnits() == gross - net
        usdAvailable() == start + net
        start - before == [0, 68, 68 + 69][n - 1]

        where:
        n | gross | net
        1 | 101   | 68
        2 | 102   | 69
        3 | 103   | 70
    }

    def "a tick's charge is the newest transaction of the platform, and other accounts do not move"() {
        given:
        def connectedBefore = ledger.readBalance(Account.connected(DemoLedger.CONNECTED_ACCOUNT)).toCompletableFuture().join()

        when:
        def charge = ledger.tick(NOW)
        def page = ledger.listTransactions(Account.platform(), BalanceTransactionQuery.firstPage()).toCompletableFuture().join()

        then:
        page.items()[0].id() == charge.id()
        page.items()[0].net() == charge.net()
        ledger.getTransaction(Account.platform(), charge.id(), true).toCompletableFuture().join().get() == charge
        ledger.readBalance(Account.connected(DemoLedger.CONNECTED_ACCOUNT)).toCompletableFuture().join() == connectedBefore
    }

    def "each tick publishes the change of the platform, as a webhook's charge.succeeded would"() {
        when:
        def charge = ticker.tick()

        then:
        published == [new AccountChange(Account.platform(), "evt_demo_${charge.id()}".toString(), 'charge.succeeded')]
    }

    def "ticking is scheduled once, at the interval, when the server starts; nothing moves before"() {
        expect:
        ledger.readBalance(Account.platform()).toCompletableFuture().join() ==
                DemoLedger.create().readBalance(Account.platform()).toCompletableFuture().join()

        when:
        ticker.onApplicationEvent(new ServerStartupEvent(Stub(EmbeddedServer)))
        ticker.onApplicationEvent(new ServerStartupEvent(Stub(EmbeddedServer)))

        then:
        1 * scheduler.scheduleAtFixedRate(Duration.ofSeconds(5), Duration.ofSeconds(5), _ as Runnable) >> Stub(java.util.concurrent.ScheduledFuture)
        published.empty
    }
}
