package io.balancegraph.app

import io.balancegraph.domain.demo.DemoLedger
import io.balancegraph.domain.port.BalanceLedger
import io.micronaut.context.annotation.Factory
import io.micronaut.context.annotation.Replaces
import io.micronaut.context.annotation.Requires
import jakarta.inject.Named
import jakarta.inject.Singleton

/**
 * Test-only: the demo ledger where the Stripe adapter would be, for specs that configure a Stripe key
 * (which turns access control on) without calling Stripe. Enabled with balancegraph.test.stand-in-ledger=true.
 */
@Factory
@Requires(property = 'balancegraph.test.stand-in-ledger', value = 'true')
class StandInForStripe {

    @Singleton
    @Named(LedgerFactory.SOURCE)
    @Replaces(value = BalanceLedger, named = LedgerFactory.SOURCE, factory = LedgerFactory)
    BalanceLedger ledger() {
        DemoLedger.create()
    }
}
