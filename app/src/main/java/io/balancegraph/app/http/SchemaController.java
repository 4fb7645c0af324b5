package io.balancegraph.app.http;

import io.balancegraph.graphql.BalanceGraphSchema;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;

/**
 * The schema's SDL at {@code /graphql/schema.graphqls}, for client code generators. It sits under the GraphQL path,
 * so it asks for the same bearer token as the endpoint when access control is on: whoever may not query may not
 * read the schema either (introspection through the endpoint would tell them the same).
 */
@Controller("${graphql.path:/graphql}")
public class SchemaController {

    private static final MediaType TEXT_UTF8 = MediaType.of(MediaType.TEXT_PLAIN + ";charset=utf-8");

    private final String sdl = BalanceGraphSchema.sdl();

    @Get(value = "/schema.graphqls", produces = MediaType.ALL)
    public HttpResponse<String> sdl() {
        return HttpResponse.ok(sdl).contentType(TEXT_UTF8).header(HttpHeaders.CACHE_CONTROL, "no-cache");
    }
}
