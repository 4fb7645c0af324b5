package io.balancegraph.app.http;

import graphql.ExecutionResult;
import io.balancegraph.graphql.ErrorCode;
import io.micronaut.configuration.graphql.GraphQLController;
import io.micronaut.configuration.graphql.GraphQLInvocation;
import io.micronaut.configuration.graphql.GraphQLInvocationData;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

import java.util.Map;

/**
 * The GraphQL endpoint, per the GraphQL over HTTP spec: POST with an {@code application/json} body, GET with
 * query parameters for queries only, answers in {@code application/graphql-response+json} or {@code application/json}
 * as the client accepts. The document is parsed once, by the engine; what the engine refuses before running
 * anything sets the status ({@link #status}).
 * <p>
 * It replaces Micronaut GraphQL 4.7.0's {@link GraphQLController}, which runs mutations on GET, answers malformed
 * JSON and JSON arrays with a 500, refuses {@code application/graphql-response+json} with a 406 and takes any
 * content type: fixing each from outside would take a filter, a body rewrite and an exception handler apiece,
 * more code than this controller. Execution still goes through Micronaut GraphQL's {@link GraphQLInvocation}, so
 * its {@code GraphQLExecutionInputCustomizer} (which stores the caller's access grant) and {@code DataLoaderRegistry}
 * hooks work as documented, and GraphiQL is untouched.
 */
@Controller("${graphql.path:/graphql}")
@Replaces(GraphQLController.class)
public class GraphQLHttpController {

    private static final Map<String, String> ALLOW_POST = Map.of(HttpHeaders.ALLOW, HttpMethod.POST.name());

    private final GraphQLInvocation invocation;

    public GraphQLHttpController(GraphQLInvocation invocation) {
        this.invocation = invocation;
    }

    @Get(produces = MediaType.ALL)
    public Publisher<MutableHttpResponse<String>> get(HttpRequest<?> request) {
        ResponseMediaType responseType = acceptable(request);
        return execute(GraphQLOverHttpRequest.fromQueryParameters(request.getParameters()), responseType, request);
    }

    @Post(consumes = MediaType.ALL, produces = MediaType.ALL)
    public Publisher<MutableHttpResponse<String>> post(HttpRequest<?> request, @Nullable @Body byte[] body) {
        ResponseMediaType responseType = acceptable(request);
        requireJsonContent(request);
        return execute(GraphQLOverHttpRequest.fromJsonBody(body), responseType, request);
    }

    private Publisher<MutableHttpResponse<String>> execute(GraphQLOverHttpRequest graphQLRequest, ResponseMediaType type,
                                                           HttpRequest<?> request) {
        MutableHttpResponse<String> response = HttpResponse.ok();
        GraphQLInvocationData data = new GraphQLInvocationData(
                graphQLRequest.query(), graphQLRequest.operationName(), graphQLRequest.variables());
        return Mono.from(invocation.invoke(data, request, response))
                .map(result -> response
                        .status(status(result, type, request.getMethod()))
                        .contentType(type.contentType())
                        .header(HttpHeaders.CACHE_CONTROL, "no-store")
                        .body(GraphQLJson.write(result.toSpecification())));
    }

    /**
     * 200, except for a response without {@code data}, which the engine gives before running anything:
     * <ul>
     *   <li>a GET whose operation is not a query (the engine refused it, {@code OPERATION_NOT_ALLOWED}): 405 with
     *       {@code Allow: POST}, as the spec requires;</li>
     *   <li>a POST of a subscription (refused too: a subscription runs over graphql-ws at {@code /graphql-ws}): 400
     *       with the coded error, in both response types;</li>
     *   <li>an {@code operationName} that picks no operation ({@code OPERATION_RESOLUTION_FAILURE}): 400 in both
     *       response types, since the client has a bug;</li>
     *   <li>otherwise (the document did not parse or validate, the variables did not coerce): 400 in
     *       {@code application/graphql-response+json}, as the spec requires, and 200 in {@code application/json},
     *       as it asks whatever the GraphQL errors.</li>
     * </ul>
     */
    private static HttpStatus status(ExecutionResult result, ResponseMediaType type, HttpMethod method) {
        if (result.isDataPresent()) {
            return HttpStatus.OK;
        }
        Map<String, Object> refusal = result.getErrors().isEmpty() ? Map.of() : result.getErrors().get(0).getExtensions();
        Object code = refusal == null ? null : refusal.get("code");
        if (ErrorCode.OPERATION_NOT_ALLOWED.name().equals(code) && method == HttpMethod.GET) {
            throw new RejectedRequestException(HttpStatus.METHOD_NOT_ALLOWED,
                    "A " + refusal.get("operation") + " cannot be sent with GET: use POST.", ALLOW_POST);
        }
        if (ErrorCode.OPERATION_RESOLUTION_FAILURE.name().equals(code) || ErrorCode.OPERATION_NOT_ALLOWED.name().equals(code)) {
            return HttpStatus.BAD_REQUEST;
        }
        return type == ResponseMediaType.GRAPHQL_RESPONSE_JSON ? HttpStatus.BAD_REQUEST : HttpStatus.OK;
    }

    private static ResponseMediaType acceptable(HttpRequest<?> request) {
        return ResponseMediaType.negotiate(request).orElseThrow(() -> new RejectedRequestException(HttpStatus.NOT_ACCEPTABLE,
                "The endpoint answers in application/graphql-response+json or application/json: accept one of them."));
    }

    private static void requireJsonContent(HttpRequest<?> request) {
        if (!isUtf8Json(request)) {
            throw new RejectedRequestException(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                    "Send the request with Content-Type: application/json (UTF-8).");
        }
    }

    private static boolean isUtf8Json(HttpRequest<?> request) {
        MediaType contentType;
        try {
            contentType = request.getContentType().orElse(null);
        } catch (RuntimeException unparseable) {
            return false;
        }
        if (contentType == null || !contentType.getType().equalsIgnoreCase("application")
                || !contentType.getSubtype().equalsIgnoreCase("json")) {
            return false;
        }
        String charset = contentType.getParameters().get(MediaType.CHARSET_PARAMETER).orElse("utf-8");
        return charset.equalsIgnoreCase("utf-8") || charset.equalsIgnoreCase("utf8");
    }
}
