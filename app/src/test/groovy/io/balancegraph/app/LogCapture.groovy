package io.balancegraph.app

import ch.qos.logback.classic.Level
import ch.qos.logback.classic.Logger
import ch.qos.logback.classic.spi.ILoggingEvent
import ch.qos.logback.core.read.ListAppender
import org.slf4j.LoggerFactory

/** What the app logs (level and formatted message, every logger) while a piece of test code runs. */
class LogCapture {

    static List<ILoggingEvent> during(Closure<?> action) {
        def appender = new ListAppender<ILoggingEvent>()
        def root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)
        appender.start()
        root.addAppender(appender)
        try {
            action()
        } finally {
            root.detachAppender(appender)
        }
        appender.list
    }

    static boolean anyContains(List<ILoggingEvent> events, String text, Level level = null) {
        events.any { (level == null || it.level == level) && it.formattedMessage.contains(text) }
    }
}
