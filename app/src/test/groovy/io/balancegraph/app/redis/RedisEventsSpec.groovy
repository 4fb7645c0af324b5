package io.balancegraph.app.redis

import io.balancegraph.app.events.AccountChange
import io.balancegraph.app.events.AccountChanges
import io.balancegraph.app.events.SeenEvents
import io.balancegraph.domain.account.Account
import io.balancegraph.stripe.fake.TestRedis
import io.micronaut.context.ApplicationContext
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification

import java.util.concurrent.LinkedBlockingQueue
import java.util.concurrent.TimeUnit

/** Webhook fan-out and the memory of seen events, shared by two replicas through one Redis. */
class RedisEventsSpec extends Specification {

    /** How long a message through Redis may take here: never reached when all is well. */
    static final long NETWORK_PATIENCE_SECONDS = 30
    static final Map PATIENT = ['balancegraph.redis.command-timeout': '3s']

    @Shared @AutoCleanup TestRedis redis = new TestRedis()
    @Shared @AutoCleanup ApplicationContext one = ApplicationContext.run(PATIENT + [(RedisAddress.PROPERTY): redis.uri])
    @Shared @AutoCleanup ApplicationContext two = ApplicationContext.run(PATIENT + [(RedisAddress.PROPERTY): redis.uri])

    def "a change published at one replica reaches the listeners of both, each once"() {
        given:
        def heardAtOne = new LinkedBlockingQueue<AccountChange>()
        def heardAtTwo = new LinkedBlockingQueue<AccountChange>()
        one.getBean(AccountChanges).subscribe { heardAtOne << it }
        two.getBean(AccountChanges).subscribe { heardAtTwo << it }
        awaitSubscribers(2)
        def change = new AccountChange(Account.connected('acct_1DemoConnected'), 'evt_1Spec', 'payout.paid')

        when:
        one.getBean(AccountChanges).publish(change)

        then:
        heardAtTwo.poll(NETWORK_PATIENCE_SECONDS, TimeUnit.SECONDS) == change
        heardAtOne.toList() == [change]

        when: 'a second change, to see that nothing more came of the first'
        def next = new AccountChange(Account.platform(), 'evt_2Spec', 'balance.available')
        two.getBean(AccountChanges).publish(next)

        then:
        heardAtOne.poll(NETWORK_PATIENCE_SECONDS, TimeUnit.SECONDS) == change
        heardAtOne.poll(NETWORK_PATIENCE_SECONDS, TimeUnit.SECONDS) == next
        heardAtTwo.toList() == [next]
    }

    def "an event is first seen once in the whole fleet"() {
        expect:
        one.getBean(SeenEvents).firstTime('evt_1SeenOnce')
        !two.getBean(SeenEvents).firstTime('evt_1SeenOnce')
        !one.getBean(SeenEvents).firstTime('evt_1SeenOnce')
        two.getBean(SeenEvents).firstTime('evt_2Other')
    }

    def "with Redis unreachable an event counts as new and a change still reaches this replica's listeners"() {
        given:
        def port = new ServerSocket(0, 1, InetAddress.getLoopbackAddress()).withCloseable { it.localPort }
        def alone = ApplicationContext.run([(RedisAddress.PROPERTY): "redis://127.0.0.1:${port}"])
        def heard = []
        alone.getBean(AccountChanges).subscribe { heard << it }
        def change = new AccountChange(Account.platform(), 'evt_1Alone', 'payout.paid')

        when:
        alone.getBean(AccountChanges).publish(change)

        then:
        heard == [change]
        alone.getBean(SeenEvents).firstTime('evt_1Alone')
        alone.getBean(SeenEvents).firstTime('evt_1Alone')

        cleanup:
        alone?.close()
    }

    private void awaitSubscribers(long count) {
        def commands = one.getBean(RedisConnections).strings().get().sync()
        long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(NETWORK_PATIENCE_SECONDS)
        while (commands.pubsubNumsub(RedisAccountChanges.CHANNEL)[RedisAccountChanges.CHANNEL] < count) {
            assert System.nanoTime() < giveUp: 'the replicas never subscribed'
            Thread.onSpinWait()
        }
    }
}
