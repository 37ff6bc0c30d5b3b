package io.opsflow.webhooks;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;

/**
 * A webhook receiver in the test: the JDK's HTTP server on a free port. It records every request
 * and answers 503 to the first {@link #failNext} of them (a receiver that is down for maintenance);
 * {@link #stop} and {@link #start} take it off the network and back on its port.
 */
final class TestReceiver implements AutoCloseable {

  record Received(Map<String, String> headers, String body) {

    String header(String name) {
      return headers.get(name.toLowerCase());
    }
  }

  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final AtomicInteger failures = new AtomicInteger();
  private int port;
  private HttpServer server;

  TestReceiver() {
    start();
  }

  /** The first {@code count} requests from now get 503. */
  TestReceiver failNext(int count) {
    failures.set(count);
    return this;
  }

  void start() {
    try {
      server = HttpServer.create(new InetSocketAddress("localhost", port), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/hooks", exchange -> {
      byte[] body = exchange.getRequestBody().readAllBytes();
      Map<String, String> headers = new java.util.HashMap<>();
      exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), values.get(0)));
      received.add(new Received(headers, new String(body, StandardCharsets.UTF_8)));
      boolean fail = failures.getAndDecrement() > 0;
      byte[] answer = (fail ? "down for maintenance" : "thanks").getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(fail ? 503 : 200, answer.length);
      exchange.getResponseBody().write(answer);
      exchange.close();
    });
    server.start();
    port = server.getAddress().getPort();
  }

  void stop() {
    server.stop(0);
  }

  String url() {
    return "http://localhost:" + port + "/hooks";
  }

  List<Received> received() {
    return List.copyOf(received);
  }

  List<Received> awaitRequests(int count) {
    Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> received.size() >= count);
    return received();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
