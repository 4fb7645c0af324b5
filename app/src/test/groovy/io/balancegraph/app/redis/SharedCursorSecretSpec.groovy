package io.balancegraph.app.redis

import ch.qos.logback.classic.Level
import io.balancegraph.app.LogCapture
import io.balancegraph.stripe.fake.TestRedis
import io.balancegraph.graphql.GraphQLSettings
import io.micronaut.context.ApplicationContext
import io.micronaut.http.HttpRequest
import io.micronaut.http.MediaType
import io.micronaut.http.client.HttpClient
import io.micronaut.runtime.server.EmbeddedServer
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification

/** Replicas without a configured cursor secret agree on one through Redis, so a cursor works at every replica. */
class SharedCursorSecretSpec extends Specification {

    /** Generous: this machine may be busy, and these features are not about timeouts. */
    static final Map PATIENT = ['balancegraph.redis.command-timeout': '3s']
    static final String FIRST_PAGE = '{ balanceTransactions(first: 2) { edges { node { id } } pageInfo { endCursor } } }'

    @Shared @AutoCleanup
    TestRedis redis = new TestRedis()

    def "a cursor issued by one replica pages on at another"() {
        given: 'two replicas on one Redis, neither with a cursor secret'
        def one = replica()
        def two = replica()

        when:
        def first = graphql(one, FIRST_PAGE).data.balanceTransactions
        def next = graphql(two, "{ balanceTransactions(first: 2, after: \"${first.pageInfo.endCursor}\") { edges { node { id } } } }")

        then:
        next.errors == null
        next.data.balanceTransactions.edges.size() == 2
        !(next.data.balanceTransactions.edges*.node*.id).any { it in first.edges*.node*.id }

        cleanup:
        one?.close()
        two?.close()
    }

    def "the first replica creates the secret once; later ones take it, and a configured secret is left alone"() {
        when:
        def one = ApplicationContext.run(PATIENT + [(RedisAddress.PROPERTY): redis.uri])
        def two = ApplicationContext.run(PATIENT + [(RedisAddress.PROPERTY): redis.uri])
        def configured = ApplicationContext.run(PATIENT + [(RedisAddress.PROPERTY): redis.uri, 'balancegraph.graphql.cursor-secret': 'c' * 40])
        def stored = one.getBean(RedisConnections).strings().get().sync().get(SharedCursorSecret.KEY)

        then:
        one.getBean(GraphQLSettings).cursorSecret == stored
        two.getBean(GraphQLSettings).cursorSecret == stored
        stored.length() >= GraphQLSettings.MIN_CURSOR_SECRET_LENGTH
        configured.getBean(GraphQLSettings).cursorSecret == 'c' * 40

        cleanup:
        [one, two, configured]*.close()
    }

    def "with Redis down at start the replica signs with a key of its own and warns once, without the URI's password"() {
        given:
        def port = new ServerSocket(0, 1, InetAddress.getLoopbackAddress()).withCloseable { it.localPort }
        ApplicationContext context

        when:
        def events = LogCapture.during {
            context = ApplicationContext.run([(RedisAddress.PROPERTY): "redis://:pw-spec-secret@127.0.0.1:${port}"])
        }
        // Ours only: Lettuce warns from a GC hook when an earlier context's ClientResources were not shut down
        // (Micronaut Redis does not), and that warning may land in any capture.
        def warnings = events.findAll { it.level == Level.WARN && it.loggerName.startsWith('io.balancegraph') }*.formattedMessage

        then:
        context.getBean(GraphQLSettings).cursorSecret == null
        warnings.size() == 1
        warnings[0].startsWith("Redis at 127.0.0.1:${port} did not give the shared cursor key (")
        warnings[0].contains('this replica signs cursors with a key of its own')
        !events*.formattedMessage.any { it.contains('pw-spec-secret') }

        cleanup:
        context?.close()
    }

    def "without Redis and without a secret the start-up log says cursors last only as long as the process"() {
        when:
        EmbeddedServer alone
        EmbeddedServer withSecret
        def events = LogCapture.during {
            alone = ApplicationContext.run(EmbeddedServer, ['micronaut.server.port': -1])
            withSecret = ApplicationContext.run(EmbeddedServer, ['micronaut.server.port': -1, 'balancegraph.graphql.cursor-secret': 's' * 32])
        }

        then:
        events*.formattedMessage.findAll { it.startsWith('Cursors are signed with a random key of this process') } == [
                'Cursors are signed with a random key of this process: they last only as long as it runs and other replicas refuse them; set balancegraph.graphql.cursor-secret, or redis.uri to share one']

        cleanup:
        alone?.close()
        withSecret?.close()
    }

    private EmbeddedServer replica() {
        ApplicationContext.run(EmbeddedServer, PATIENT + ['micronaut.server.port': -1, (RedisAddress.PROPERTY): redis.uri])
    }

    private static Map graphql(EmbeddedServer server, String query) {
        HttpClient.create(server.URL).withCloseable {
            it.toBlocking().retrieve(HttpRequest.POST('/graphql', [query: query]).contentType(MediaType.APPLICATION_JSON), Map)
        }
    }
}
