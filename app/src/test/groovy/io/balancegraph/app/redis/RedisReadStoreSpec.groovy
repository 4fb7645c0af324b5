package io.balancegraph.app.redis

import io.balancegraph.domain.account.Account
import io.balancegraph.graphql.SharedReadStore
import io.balancegraph.stripe.fake.TestRedis
import io.micronaut.context.ApplicationContext
import io.micronaut.http.HttpRequest
import io.micronaut.http.MediaType
import io.micronaut.http.client.HttpClient
import io.micronaut.runtime.server.EmbeddedServer
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification

import java.time.Duration

/** The read cache shared through Redis: a read made at one replica is served at the others until it expires. */
class RedisReadStoreSpec extends Specification {

    static final Map PATIENT = ['balancegraph.redis.command-timeout': '3s']

    @Shared @AutoCleanup TestRedis redis = new TestRedis()

    def "with a cache time-to-live, a balance read at one replica is served at another with the same readAt"() {
        given:
        def one = replica()
        def two = replica()

        when:
        def first = graphql(one, '{ balance { readAt available { money { amount } } } }').data.balance
        def second = graphql(two, '{ balance { readAt available { money { amount } } } }').data.balance

        then:
        second.readAt == first.readAt
        second.available == first.available

        cleanup:
        one?.close()
        two?.close()
    }

    def "an entry is found under the account's generation, and invalidating the account makes every lookup miss"() {
        given:
        def context = ApplicationContext.run(PATIENT + [(RedisAddress.PROPERTY): redis.uri])
        def store = context.getBean(RedisReadStore)
        def account = Account.connected('acct_1StoreSpec')
        def before = store.find(account, 'k').toCompletableFuture().get()

        when:
        store.keep(account, 'k', before.version(), 'answer'.bytes, Duration.ofSeconds(30))
        def kept = awaitValue(store, account)

        then:
        before.value() == null
        new String(kept.value()) == 'answer'
        kept.version() == before.version()

        when:
        store.invalidate(account).get()
        def after = store.find(account, 'k').toCompletableFuture().get()

        then:
        after.value() == null
        after.version() != before.version()
        context.getBean(SharedReadStore).is(store)

        cleanup:
        context?.close()
    }

    private static SharedReadStore.Entry awaitValue(RedisReadStore store, Account account) {
        // keep() does not wait for Redis; the lookup that follows may come first on another connection.
        long giveUp = System.nanoTime() + 30_000_000_000L
        while (true) {
            def entry = store.find(account, 'k').toCompletableFuture().get()
            if (entry.value() != null || System.nanoTime() > giveUp) {
                return entry
            }
            Thread.onSpinWait()
        }
    }

    private EmbeddedServer replica() {
        ApplicationContext.run(EmbeddedServer, PATIENT + ['micronaut.server.port': -1, (RedisAddress.PROPERTY): redis.uri,
                'balancegraph.cache.ttl': '30s', 'balancegraph.graphql.cursor-secret': 's' * 32])
    }

    private static Map graphql(EmbeddedServer server, String query) {
        HttpClient.create(server.URL).withCloseable {
            it.toBlocking().retrieve(HttpRequest.POST('/graphql', [query: query]).contentType(MediaType.APPLICATION_JSON), Map)
        }
    }
}
