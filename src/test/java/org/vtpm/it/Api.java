package org.vtpm.it;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonStructure;

/** A small client for the REST API as an operator's script would use it: HTTP Basic, JSON. */
public final class Api {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String authorization;

    private Api(String authorization) {
        this.authorization = authorization;
    }

    /** The admin, whose password the test JVM has as a property and the server as its environment. */
    public static Api asAdmin() {
        return as("admin", System.getProperty("vtpm.it.admin.password", System.getenv("VTPM_ADMIN_PASSWORD")));
    }

    public static Api as(String user, String password) {
        String token = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return new Api("Basic " + token);
    }

    public static Api anonymous() {
        return new Api(null);
    }

    public Reply get(String path) throws IOException, InterruptedException {
        return send(request(path).GET().build());
    }

    public Reply post(String path, String contentType, String body) throws IOException, InterruptedException {
        HttpRequest.Builder builder = request(path).POST(HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            builder.header("Content-Type", contentType);
        }
        return send(builder.build());
    }

    public Reply postJson(String path, String json) throws IOException, InterruptedException {
        return post(path, "application/json", json);
    }

    public Reply putJson(String path, String json) throws IOException, InterruptedException {
        return send(request(path).PUT(HttpRequest.BodyPublishers.ofString(json))
                .header("Content-Type", "application/json").build());
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .timeout(Duration.ofSeconds(60));
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        return builder;
    }

    public Reply delete(String path) throws IOException, InterruptedException {
        return send(request(path).DELETE().build());
    }

    /**
     * {@code http://127.0.0.1:<8080 + offset>}, from the test JVM (which chose the offset) or from
     * inside the server (which runs at it), so in-container tests call the API too.
     */
    public static String baseUrl() {
        String offset = System.getProperty("vtpm.it.port.offset", System.getProperty("jboss.socket.binding.port-offset", "0"));
        return "http://127.0.0.1:" + (8080 + Integer.parseInt(offset));
    }

    private Reply send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                response.body(), response.headers().firstValue("Location").orElse(null));
    }

    /** A response: status, content type, body, and the Location of what it created, if any. */
    public record Reply(int status, String contentType, String body, String location) {

        public JsonObject object() {
            return json().asJsonObject();
        }

        public JsonStructure json() {
            try (JsonReader reader = Json.createReader(new StringReader(body))) {
                return reader.read();
            }
        }

        @Override
        public String toString() {
            return status + " " + contentType + " " + body;
        }
    }
}
