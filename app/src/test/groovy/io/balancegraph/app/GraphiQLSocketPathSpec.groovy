package io.balancegraph.app

import io.micronaut.context.annotation.Property
import io.micronaut.http.client.HttpClient
import io.micronaut.http.client.annotation.Client
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import jakarta.inject.Inject
import spock.lang.Specification

/** GraphiQL's subscriptions follow the graphql-ws endpoint wherever graphql.graphql-ws.path puts it. */
@MicronautTest
@Property(name = 'graphql.graphql-ws.path', value = '/live/graphql-ws')
class GraphiQLSocketPathSpec extends Specification {

    @Inject
    @Client('/')
    HttpClient client

    def "the GraphiQL page sends subscriptions to the configured graphql-ws path, not the default one"() {
        when:
        def page = client.toBlocking().retrieve('/graphiql')

        then:
        page.contains("const socketUrl = new URL('/live/graphql-ws', location.href);")
        !page.contains("new URL('/graphql-ws'")
    }
}
