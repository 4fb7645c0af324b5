package io.balancegraph.app

import io.micronaut.runtime.server.EmbeddedServer
import jakarta.inject.Inject
import spock.lang.Specification

/** A specification that talks to the app's embedded server over real HTTP (the subclass is the @MicronautTest). */
abstract class EndpointSpec extends Specification {

    @Inject
    EmbeddedServer server

    RawHttp getHttp() {
        new RawHttp(server.URL)
    }
}
