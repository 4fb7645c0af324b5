package io.balancegraph.stripe

import io.balancegraph.stripe.fake.FakeStripe
import io.balancegraph.stripe.fake.FakeStripeSpecification
import io.balancegraph.stripe.internal.http.StripeIoThreads
import io.balancegraph.stripe.internal.time.TimerThread

import java.nio.file.Path
import java.util.concurrent.TimeUnit

/**
 * A ledger's threads (the HTTP client's event loop, the timer) are named {@code balancegraph-stripe-…} and are
 * daemons: a program that forgets to close its ledger still ends.
 */
class ThreadsSpec extends FakeStripeSpecification {

    def "a JVM that reads a balance and never closes its ledger still exits; the ledger's threads are named daemons"() {
        given:
        stripe.answers('/v1/balance', 'balance-minimal')
        String java = Path.of(System.getProperty('java.home'), 'bin', 'java')

        when: 'a program of its own (src/test/java) reads a balance, lists its threads and returns from main without close()'
        def log = File.createTempFile('forgotten-ledger', '.log')
        def process = new ProcessBuilder(java, '-Xmx128m', '-XX:TieredStopAtLevel=1', '-cp', System.getProperty('java.class.path'),
                'io.balancegraph.stripe.ForgottenLedger', stripe.baseUrl, FakeStripe.KEY).redirectErrorStream(true).redirectOutput(log).start()
        boolean exited = process.waitFor(60, TimeUnit.SECONDS)
        List<String> output = log.readLines()

        then: 'it read the balance and its JVM ended, with nothing left to keep it alive'
        exited
        process.exitValue() == 0
        output.contains('read the balance: livemode true')
        output.last() == 'main returns without closing the ledger'

        and: 'the ledger ran on its two I/O threads and its timer, all daemons'
        def ours = output.findAll { it.startsWith('thread balancegraph-stripe-') }
        ours.count { it.startsWith("thread ${StripeIoThreads.PREFIX}-") } in 1..2
        ours.count { it.startsWith("thread ${TimerThread.NAME} ") } == 1
        ours.every { it.endsWith('daemon=true') }

        cleanup:
        process?.destroyForcibly()
        log?.delete()
    }
}
