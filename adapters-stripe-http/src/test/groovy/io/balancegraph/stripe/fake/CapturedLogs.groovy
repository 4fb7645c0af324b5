package io.balancegraph.stripe.fake

import ch.qos.logback.classic.Level
import ch.qos.logback.classic.Logger
import ch.qos.logback.classic.spi.ILoggingEvent
import ch.qos.logback.classic.spi.IThrowableProxy
import ch.qos.logback.core.Appender
import ch.qos.logback.core.read.ListAppender
import org.slf4j.LoggerFactory

/**
 * Captures every log event at the given levels while open, and keeps them off the console; restores the
 * levels and appenders on close.
 */
class CapturedLogs implements AutoCloseable {

    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>()
    private final List<Appender<ILoggingEvent>> muted = []
    private final Map<Logger, Level> previousLevels = [:]

    /** @param levels logger name (or {@code ROOT}) to level */
    CapturedLogs(Map<String, Level> levels) {
        levels.each { name, level ->
            Logger logger = (Logger) LoggerFactory.getLogger(name)
            previousLevels[logger] = logger.level
            logger.level = level
        }
        root.iteratorForAppenders().each { muted << it }
        muted.each { root.detachAppender(it) }
        appender.start()
        root.addAppender(appender)
    }

    List<ILoggingEvent> getEvents() {
        List.copyOf(appender.list)
    }

    /** Each event's message and, when it has one, its exception's class, message and causes. */
    List<String> getTexts() {
        events.collect { "${it.loggerName} ${it.formattedMessage} ${throwableText(it.throwableProxy)}".toString() }
    }

    @Override
    void close() {
        root.detachAppender(appender)
        muted.each { root.addAppender(it) }
        previousLevels.each { logger, level -> logger.level = level }
    }

    private static String throwableText(IThrowableProxy proxy) {
        proxy == null ? '' : "${proxy.className}: ${proxy.message} ${throwableText(proxy.cause)}"
    }
}
