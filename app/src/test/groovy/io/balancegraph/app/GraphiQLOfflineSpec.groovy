package io.balancegraph.app

import io.micronaut.http.HttpResponse
import io.micronaut.http.client.HttpClient
import io.micronaut.http.client.annotation.Client
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import jakarta.inject.Inject
import spock.lang.Specification

/** GraphiQL works with no internet: the page and everything it loads come from the app's own jar. */
@MicronautTest
class GraphiQLOfflineSpec extends Specification {

    static final Set<String> BUNDLED_ASSETS = [
            '/graphiql/assets/graphiql.min.css',
            '/graphiql/assets/react.production.min.js',
            '/graphiql/assets/react-dom.production.min.js',
            '/graphiql/assets/graphiql.min.js',
            '/graphiql/assets/graphiql-plugin-explorer.css',
            '/graphiql/assets/graphiql-plugin-explorer.umd.js',
            '/graphiql/assets/graphql-ws.min.js',
    ] as Set

    /** What would make a browser reach for another host: an element, a CSS import or url(), a dynamic import. */
    static final List<java.util.regex.Pattern> REMOTE_LOADS = [
            ~/(?i)(?:src|href)\s*=\s*["']?(?:https?:)?\/\//,
            ~/(?i)url\(\s*["']?(?:https?:)?\/\//,
            ~/(?i)@import\s+["'](?:https?:)?\/\//,
            ~/(?i)\bimport\(\s*["'](?:https?:)?\/\//,
            ~/(?i)importScripts\(\s*["'](?:https?:)?\/\//,
    ]

    @Inject
    @Client('/')
    HttpClient client

    HttpResponse<String> get(String path) {
        client.toBlocking().exchange(path, String)
    }

    def "GraphiQL opens on the example query that shows balance, currencies and transactions together"() {
        when:
        def page = get('/graphiql')

        then:
        page.status.code == 200
        page.contentType.get().toString().startsWith('text/html')
        page.body().contains('query Dashboard {')
        page.body().contains('currencies {')
        page.body().contains('balanceTransactions(first: 5) {')
        page.body().contains('defaultQuery: dashboard')
    }

    def "GraphiQL opens with the explorer plugin shown and the finance examples in tabs"() {
        when:
        def page = get('/graphiql').body()

        then:
        page.contains('const explorer = GraphiQLPluginExplorer.explorerPlugin(')
        page.contains('plugins: [explorer]')
        page.contains('visiblePlugin: explorer')
        page.contains('defaultTabs: [{ query: dashboard }, { query: lastMonthActivity }, { query: payoutReconciliation }, { query: liveBalance }]')
        page.contains('query LastMonthActivity {')
        page.contains('activity(created: {gte: "LAST_MONTH_START", lt: "THIS_MONTH_START"}) {')
        page.contains('byReportingCategory { key net { amount } }')
        page.contains('byDay: buckets(by: DAY, timeZone: "UTC") { start count net { amount } endingBalance { amount } }')
        page.contains('query PayoutReconciliation {')
        page.contains('reconciles')
        page.contains('subscription LiveBalance {')
        page.contains('balanceChanged {')
    }

    def "GraphiQL sends its requests to /graphql and offers the headers editor for a bearer token"() {
        when:
        def page = get('/graphiql').body()

        then:
        page.contains("GraphiQL.createFetcher({ url: '/graphql' })")
        page.contains("defaultEditorToolsVisibility: 'headers'")
        page.contains('isHeadersEditorEnabled: true')
    }

    def "GraphiQL sends subscriptions over graphql-ws to this host's /graphql-ws, each run with that run's headers"() {
        when:
        def page = get('/graphiql').body()

        then: 'the graphql-ws path from the configuration, ws: or wss: as the page was loaded'
        page.contains("const socketUrl = new URL('/graphql-ws', location.href);")
        page.contains("socketUrl.protocol = location.protocol === 'https:' ? 'wss:' : 'ws:';")

        and: 'subscriptions go to the socket, the rest to the HTTP fetcher'
        page.contains('fetcher: httpOrSocket,')
        page.contains("definition.operation === 'subscription'")

        and: 'each run opens its own client with the headers of that run as the connection_init payload, no retries'
        page.contains('graphqlWs.createClient({ url: socketUrl.href, connectionParams: headers ?? {}, retryAttempts: 0 })')
        page.contains('? subscribe(params, options?.headers)')

        and: 'a closed socket reaches the result pane as an error with its code'
        page.contains('error: (error) => sink.error(socketError(error)),')
        page.contains('extensions: { closeCode: error.code }')
    }

    def "the bundled graphql-ws client is the npm package's browser build, defining the graphqlWs global the page uses"() {
        when:
        def client = get('/graphiql/assets/graphql-ws.min.js').body()

        then:
        client.contains('.graphqlWs={}')
        client.contains('graphql-transport-ws')
        client.contains('createClient')
    }

    def "the GraphiQL page loads exactly the bundled assets and names no other host"() {
        when:
        def page = get('/graphiql').body()
        def referenced = (page =~ /(?:src|href)="([^"]+)"/).collect { it[1] } as Set

        then:
        referenced == BUNDLED_ASSETS
        !page.contains('http://')
        !page.contains('https://')
    }

    def "the bundled asset #path is served from the jar as #contentType"() {
        when:
        def asset = get(path)

        then:
        asset.status.code == 200
        asset.contentType.get().toString().startsWith(contentType)
        asset.body().length() > minimumLength

        and: 'nothing in it makes the browser fetch from another host'
        REMOTE_LOADS.every { !(asset.body() =~ it).find() }

        where:
        path                                           | contentType              | minimumLength
        '/graphiql/assets/graphiql.min.css'            | 'text/css'               | 100_000
        '/graphiql/assets/react.production.min.js'     | 'application/javascript' | 5_000
        '/graphiql/assets/react-dom.production.min.js' | 'application/javascript' | 100_000
        '/graphiql/assets/graphiql.min.js'             | 'application/javascript' | 500_000
        '/graphiql/assets/graphiql-plugin-explorer.css'    | 'text/css'               | 500
        '/graphiql/assets/graphiql-plugin-explorer.umd.js' | 'application/javascript' | 20_000
        '/graphiql/assets/graphql-ws.min.js'               | 'application/javascript' | 5_000
    }
}
