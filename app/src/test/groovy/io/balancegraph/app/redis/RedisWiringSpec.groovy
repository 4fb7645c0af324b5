package io.balancegraph.app.redis

import io.balancegraph.stripe.fake.TestRedis
import io.lettuce.core.RedisClient
import io.lettuce.core.api.StatefulRedisConnection
import io.micronaut.context.ApplicationContext
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification

/** Redis is used only when redis.uri says where it is; without it nothing of Redis exists in the process. */
class RedisWiringSpec extends Specification {

    @Shared @AutoCleanup
    TestRedis redis = new TestRedis()

    def "without redis.uri no Redis client, connection or Redis-backed bean exists"() {
        given:
        def context = ApplicationContext.run()

        expect:
        !context.containsBean(RedisClient)
        !context.containsBean(StatefulRedisConnection)
        !context.containsBean(RedisConnections)

        cleanup:
        context.close()
    }

    def "with redis.uri the replica talks to that Redis"() {
        given:
        def context = ApplicationContext.run([(RedisAddress.PROPERTY): redis.uri, 'balancegraph.redis.command-timeout': '3s'])
        def connections = context.getBean(RedisConnections)

        when:
        def commands = connections.strings().get().sync()
        commands.set('wiring-spec', 'hello')

        then:
        commands.get('wiring-spec') == 'hello'
        connections.address() == "127.0.0.1:${redis.port}"

        cleanup:
        context.close()
    }

    def "a Redis that is down does not stop the start: it connects on first use, and that use fails"() {
        given:
        def port = new ServerSocket(0, 1, InetAddress.getLoopbackAddress()).withCloseable { it.localPort }
        def context = ApplicationContext.run([(RedisAddress.PROPERTY): "redis://127.0.0.1:${port}", 'balancegraph.redis.command-timeout': '200ms'])

        when:
        context.getBean(RedisConnections).strings().get()

        then:
        java.util.concurrent.ExecutionException e = thrown()
        e.cause instanceof io.lettuce.core.RedisConnectionException

        cleanup:
        context.close()
    }

    def "a redis.uri is shown without its user and password, #value"() {
        expect:
        RedisAddress.shown(value) == shown

        where:
        value                                         || shown
        'redis://redis.internal:6379'                 || 'redis://redis.internal:6379'
        'redis://:s3cret@redis.internal:6379/0'       || 'redis://…@redis.internal:6379/0'
        'rediss://user:p@ss@redis.internal:6380'      || 'rediss://…@redis.internal:6380'
        'user:pw@host'                                || '…@host'
    }
}
