package io.balancegraph.app.demo;

import io.balancegraph.app.events.AccountChange;
import io.balancegraph.app.events.AccountChanges;
import io.balancegraph.domain.account.Account;
import io.balancegraph.domain.transaction.BalanceTransaction;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import io.micronaut.scheduling.TaskScheduler;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;

/**
 * Demo mode, live: every {@value #INTERVAL} (opt-in; unset, the demo ledger keeps the numbers the README shows)
 * the demo ledger takes one small charge ({@link TickingDemoLedger#tick}) and the matching event is published as a
 * Stripe webhook's would be, so cached reads are dropped and {@code balanceChanged} subscribers get the new balance,
 * with no Stripe anywhere. Starts ticking once the server listens.
 */
@Singleton
@Requires(property = DemoTicker.INTERVAL)
@Requires(missingProperty = "stripe.api-key")
public class DemoTicker implements ApplicationEventListener<ServerStartupEvent> {

    /** How often the demo ledger moves; at least 1s. */
    public static final String INTERVAL = "balancegraph.demo.tick-interval";

    private static final Logger LOG = LoggerFactory.getLogger(DemoTicker.class);

    private final TickingDemoLedger ledger;
    private final AccountChanges changes;
    private final Clock clock;
    private final TaskScheduler scheduler;
    private final Duration interval;
    private ScheduledFuture<?> ticking;

    public DemoTicker(TickingDemoLedger ledger, AccountChanges changes, Clock clock,
                      @Named("scheduled") TaskScheduler scheduler, DemoSettings settings) {
        this.ledger = ledger;
        this.changes = changes;
        this.clock = clock;
        this.scheduler = scheduler;
        this.interval = settings.getTickInterval();
    }

    @Override
    public synchronized void onApplicationEvent(ServerStartupEvent event) {
        if (ticking == null) {
            ticking = scheduler.scheduleAtFixedRate(interval, interval, this::tick);
            LOG.info("Demo ticking: the demo ledger takes a small charge every {}", interval);
        }
    }

    /** One tick: a charge on the platform account, and its event. */
    public BalanceTransaction tick() {
        BalanceTransaction charge = ledger.tick(clock.instant());
        changes.publish(new AccountChange(Account.platform(), "evt_demo_" + charge.id(), "charge.succeeded"));
        return charge;
    }

    @PreDestroy
    synchronized void stop() {
        if (ticking != null) {
            ticking.cancel(false);
        }
    }
}
