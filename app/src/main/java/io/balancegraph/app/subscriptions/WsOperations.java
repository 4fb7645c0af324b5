package io.balancegraph.app.subscriptions;

import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.GraphQLError;
import graphql.execution.SubscriptionExecutionStrategy;
import io.balancegraph.graphql.ErrorCode;
import io.balancegraph.graphql.SubscriptionsAllowed;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Runs one {@code subscribe} of a graphql-ws connection on the app's one {@link GraphQL} engine, so every limit of
 * a query applies (depth, complexity, aliases, fields, the read budget) and the connection's grant decides each
 * field's account. What it sends, per the graphql-transport-ws protocol:
 * <ul>
 *   <li>a subscription: a {@code next} per event, then {@code complete} if the stream ends;</li>
 *   <li>a query (the protocol allows them too): one {@code next}, then {@code complete};</li>
 *   <li>an operation refused before it ran (it does not parse, validate or keep the limits), or a subscription whose
 *       field failed at once (an account the token may not read: {@code FORBIDDEN}, and nothing was read):
 *       one {@code error} with the coded errors; the connection stays for its other operations.</li>
 * </ul>
 */
@Singleton
class WsOperations {

    private static final Logger LOG = LoggerFactory.getLogger(WsOperations.class);

    private final GraphQL graphQL;
    private final SubscriptionSettings settings;

    WsOperations(GraphQL graphQL, SubscriptionSettings settings) {
        this.graphQL = graphQL;
        this.settings = settings;
    }

    /** @throws WsMessage.Invalid when the payload's variables are not an object */
    void subscribe(WsConnection connection, WsMessage message) throws WsMessage.Invalid {
        String id = message.id();
        Disposable.Swap slot = connection.reserve(id);
        if (slot == null) {
            connection.close(WsCloseCodes.SUBSCRIBER_ALREADY_EXISTS, "Subscriber for " + id + " already exists");
            return;
        }
        if (connection.running() > settings.getMaxPerConnection()) {
            connection.ended(id, slot);
            connection.send(WsMessage.write(WsMessage.ERROR, id, List.of(Map.of(
                    "message", "This connection runs " + settings.getMaxPerConnection() + " operations already, as many as "
                            + "one may: complete one first",
                    "extensions", Map.of("code", ErrorCode.TOO_MANY_SUBSCRIPTIONS.name(), "limit", settings.getMaxPerConnection())))));
            return;
        }
        ExecutionInput input = ExecutionInput.newExecutionInput(message.text("query"))
                .operationName(message.text("operationName"))
                .variables(message.variables())
                .build();
        connection.caller().grant().storeIn(input.getGraphQLContext());
        SubscriptionsAllowed.storeIn(input.getGraphQLContext());
        input.getGraphQLContext().put(SubscriptionExecutionStrategy.KEEP_SUBSCRIPTION_EVENTS_ORDERED, true);
        graphQL.executeAsync(input).whenComplete((result, failure) -> {
            if (slot.isDisposed()) {
                return; // completed by the client (or the connection closed) while it was being prepared
            }
            if (failure != null) {
                fail(connection, id, slot, failure);
            } else if (result.getData() instanceof Publisher<?> events) {
                stream(connection, id, slot, events);
            } else if (result.getData() == null && !result.getErrors().isEmpty()) {
                connection.ended(id, slot);
                connection.send(WsMessage.write(WsMessage.ERROR, id, result.getErrors().stream().map(GraphQLError::toSpecification).toList()));
            } else {
                connection.ended(id, slot);
                connection.send(WsMessage.write(WsMessage.NEXT, id, result.toSpecification()));
                connection.send(WsMessage.write(WsMessage.COMPLETE, id, null));
            }
        });
    }

    private void stream(WsConnection connection, String id, Disposable.Swap slot, Publisher<?> events) {
        slot.update(Flux.from(events)
                .cast(ExecutionResult.class)
                .subscribe(
                        event -> connection.send(WsMessage.write(WsMessage.NEXT, id, event.toSpecification())),
                        failure -> fail(connection, id, slot, failure),
                        () -> {
                            connection.ended(id, slot);
                            connection.send(WsMessage.write(WsMessage.COMPLETE, id, null));
                        }));
    }

    /** A bug, not the client's doing: logged under an errorId, answered with a generic {@code error}. */
    private static void fail(WsConnection connection, String id, Disposable.Swap slot, Throwable failure) {
        connection.ended(id, slot);
        String errorId = UUID.randomUUID().toString();
        LOG.error("A graphql-ws operation failed (errorId {})", errorId, failure);
        connection.send(WsMessage.write(WsMessage.ERROR, id, List.of(Map.of(
                "message", "Internal error; the server's log has the details under this errorId",
                "extensions", Map.of("code", ErrorCode.INTERNAL.name(), "errorId", errorId)))));
    }
}
