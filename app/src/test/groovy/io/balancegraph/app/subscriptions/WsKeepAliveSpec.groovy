package io.balancegraph.app.subscriptions

import io.balancegraph.app.ManualClock
import io.balancegraph.app.access.AccessControl
import io.balancegraph.graphql.AccessGrant
import io.micronaut.configuration.graphql.ws.GraphQLWsConfiguration
import io.micronaut.websocket.CloseReason
import io.micronaut.websocket.WebSocketSession
import spock.lang.Specification

import java.time.Duration

/** The keep-alive's rules, swept by hand on a manual clock: initialisation timeout, pings, and the dead let go. */
class WsKeepAliveSpec extends Specification {

    def clock = new ManualClock()
    def settings = new SubscriptionSettings(pingInterval: Duration.ofSeconds(30))
    def connections = new WsConnections(settings)
    def protocol = new GraphQLWsConfiguration(connectionInitWaitTimeout: Duration.ofSeconds(3))
    def keepAlive = new WsKeepAlive(connections, protocol, settings, clock)

    WebSocketSession session = Mock {
        getId() >> 'session-1'
        isOpen() >> true
    }

    WsConnection connection(boolean acknowledged) {
        def connection = new WsConnection(session, clock.instant())
        connections.opened(connection)
        if (acknowledged) {
            connections.acknowledge(connection, new AccessControl.Caller(AccessControl.Caller.OPEN, AccessGrant.ALL))
        }
        connection
    }

    def "a connection not initialised within the timeout is closed with 4408"() {
        given:
        connection(false)

        when:
        clock.advance(Duration.ofMillis(2999))
        keepAlive.sweep()

        then:
        0 * session.close(_)

        when:
        clock.advance(Duration.ofMillis(1))
        keepAlive.sweep()

        then:
        1 * session.close({ CloseReason it -> it.code == 4408 })
    }

    def "an acknowledged connection is pinged once per interval while it answers"() {
        given:
        def connection = connection(true)

        when:
        clock.advance(Duration.ofSeconds(29))
        keepAlive.sweep()

        then:
        0 * session.sendAsync(_)

        when:
        clock.advance(Duration.ofSeconds(1))
        keepAlive.sweep()

        then:
        1 * session.sendAsync('{"type":"ping"}')

        when: 'it answers, and an interval passes'
        clock.advance(Duration.ofSeconds(1))
        connection.heard(clock.instant())
        clock.advance(Duration.ofSeconds(29))
        keepAlive.sweep()

        then:
        1 * session.sendAsync('{"type":"ping"}')
        0 * session.close(_)
    }

    def "a connection that has sent nothing since a ping an interval ago is closed with 4408"() {
        given:
        connection(true)
        clock.advance(Duration.ofSeconds(30))
        keepAlive.sweep()

        when:
        clock.advance(Duration.ofSeconds(29))
        keepAlive.sweep()

        then:
        0 * session.close(_)

        when:
        clock.advance(Duration.ofSeconds(1))
        keepAlive.sweep()

        then:
        1 * session.close({ CloseReason it -> it.code == 4408 })
    }
}
