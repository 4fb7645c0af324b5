package io.balancegraph.app.events

import io.balancegraph.domain.account.Account
import spock.lang.Specification

import java.util.concurrent.CopyOnWriteArrayList
import java.util.concurrent.Executors
import java.util.concurrent.TimeUnit

/** The in-process fan-out: every listener hears every change, in order, off the publisher's thread. */
class LocalAccountChangesSpec extends Specification {

    def thread = Executors.newSingleThreadExecutor()
    def changes = new LocalAccountChanges(thread)

    def change(String id) {
        new AccountChange(Account.platform(), id, 'charge.succeeded')
    }

    /** Waits until everything published so far has been delivered (the fan-out's one thread has run it). */
    void drain() {
        thread.shutdown()
        assert thread.awaitTermination(30, TimeUnit.SECONDS)
    }

    def "every listener hears every change, in the order published, on the fan-out's thread"() {
        given:
        def heard = new CopyOnWriteArrayList()
        def publisher = Thread.currentThread()
        changes.subscribe { heard << ['a', it.eventId(), Thread.currentThread() != publisher] }
        changes.subscribe { heard << ['b', it.eventId(), Thread.currentThread() != publisher] }

        when:
        changes.publish(change('evt_1'))
        changes.publish(change('evt_2'))
        drain()

        then:
        heard == [['a', 'evt_1', true], ['b', 'evt_1', true], ['a', 'evt_2', true], ['b', 'evt_2', true]]
    }

    def "a listener that fails does not keep the others from hearing"() {
        given:
        def heard = []
        changes.subscribe { throw new IllegalStateException('listener bug') }
        changes.subscribe { heard << it.eventId() }

        when:
        changes.publish(change('evt_1'))
        drain()

        then:
        heard == ['evt_1']
    }

    def "a closed subscription hears nothing more, the others still do"() {
        given:
        def heard = new CopyOnWriteArrayList()
        def closed = changes.subscribe { heard << ['closed', it.eventId()] }
        changes.subscribe { heard << ['open', it.eventId()] }

        when:
        closed.close()
        changes.publish(change('evt_2'))
        drain()

        then:
        heard == [['open', 'evt_2']]
    }

    def "publishing after shut-down neither throws nor delivers"() {
        given:
        def heard = []
        changes.subscribe { heard << it.eventId() }
        changes.close()

        when:
        changes.publish(change('evt_late'))

        then:
        noExceptionThrown()
        heard.empty
    }
}
