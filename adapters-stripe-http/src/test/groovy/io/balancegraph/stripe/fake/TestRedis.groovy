package io.balancegraph.stripe.fake

import redis.embedded.RedisServer
import redis.embedded.core.ExecutableProvider

/**
 * A real Redis for a spec, on a free loopback port, gone when closed: the redis-server on the PATH when there is one
 * (Debian's, installed by .ci/run), otherwise the binary inside embedded-redis, so `./mvnw verify` needs nothing but
 * Java. Nothing is persisted. embedded-redis waits for the server's "ready" line before start() returns.
 */
class TestRedis implements Closeable {

    final int port
    private final RedisServer server

    TestRedis() {
        port = freePort()
        server = RedisServer.newRedisServer()
                .executableProvider(onPath() ? ExecutableProvider.newExecutableInPath('redis-server') : ExecutableProvider.newJarResourceProvider())
                .bind('127.0.0.1')
                .port(port)
                .setting('save ""')
                .setting('appendonly no')
                .build()
        server.start()
    }

    String getUri() {
        "redis://127.0.0.1:${port}"
    }

    /** Stops the server, as an outage would; start() brings it back on the same port, empty. */
    void stop() {
        server.stop()
    }

    void start() {
        server.start()
    }

    @Override
    void close() {
        if (server.isActive()) {
            server.stop()
        }
    }

    static boolean onPath() {
        System.getenv('PATH').split(File.pathSeparator).any { new File(it, 'redis-server').canExecute() }
    }

    private static int freePort() {
        new ServerSocket(0, 1, InetAddress.getLoopbackAddress()).withCloseable { it.localPort }
    }
}
