package dev.larder.http;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webclient.http1.Http1ClientResponse;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.testing.junit5.DirectClient;
import io.helidon.webserver.testing.junit5.RoutingTest;
import io.helidon.webserver.testing.junit5.SetUpRoute;
import org.junit.jupiter.api.Test;

/** The version service on its own, without a socket, reporting a version it was given. */
@RoutingTest
class VersionServiceTest {
    private final DirectClient client;

    VersionServiceTest(DirectClient client) {
        this.client = client;
    }

    @SetUpRoute
    static void routing(HttpRouting.Builder routing) {
        routing.register("/version", new VersionService("9.8.7-\"quoted\""));
    }

    @Test
    void answersExactlyTheNameAndTheGivenVersionEscaped() {
        try (Http1ClientResponse response = client.get("/version").request()) {
            assertThat(response.status(), is(Status.OK_200));
            assertThat(response.headers().get(HeaderNames.CONTENT_TYPE).get(), is("application/json"));
            assertThat(response.entity().as(String.class), is("{\"name\":\"larder\",\"version\":\"9.8.7-\\\"quoted\\\"\"}"));
        }
    }
}
