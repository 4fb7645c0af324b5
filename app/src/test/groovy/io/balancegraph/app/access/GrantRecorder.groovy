package io.balancegraph.app.access

import graphql.ExecutionResult
import graphql.GraphQL
import graphql.execution.instrumentation.ChainedInstrumentation
import graphql.execution.instrumentation.InstrumentationContext
import graphql.execution.instrumentation.InstrumentationState
import graphql.execution.instrumentation.SimplePerformantInstrumentation
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters
import io.balancegraph.app.startup.GraphQLWarmup
import io.balancegraph.graphql.AccessGrant
import io.micronaut.context.annotation.Requires
import io.micronaut.context.event.BeanCreatedEvent
import io.micronaut.context.event.BeanCreatedEventListener
import jakarta.inject.Singleton

import java.util.concurrent.CopyOnWriteArrayList

/**
 * Test-only: records the {@link AccessGrant} each GraphQL execution finds in its context, by adding an
 * instrumentation to the app's own GraphQL bean (the real schema, the real request path).
 */
@Singleton
@Requires(property = 'balancegraph.test.record-grants', value = 'true')
class GrantRecorder implements BeanCreatedEventListener<GraphQL> {

    final List<AccessGrant> grants = new CopyOnWriteArrayList<>()

    @Override
    GraphQL onCreated(BeanCreatedEvent<GraphQL> event) {
        GraphQL graphQL = event.bean
        def recorder = new SimplePerformantInstrumentation() {
            @Override
            InstrumentationContext<ExecutionResult> beginExecution(InstrumentationExecutionParameters parameters, InstrumentationState state) {
                if (parameters.query != GraphQLWarmup.QUERY) { // the start-up warm-up runs concurrently and carries no grant
                    grants << AccessGrant.of(parameters.graphQLContext)
                }
                super.beginExecution(parameters, state)
            }
        }
        graphQL.transform { it.instrumentation(new ChainedInstrumentation(graphQL.instrumentation, recorder)) }
    }

    AccessGrant getLast() {
        grants ? grants.last() : null
    }
}
