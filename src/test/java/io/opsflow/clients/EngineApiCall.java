package io.opsflow.clients;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

/**
 * A call of a webapp to its copy of the engine REST API ({@code /camunda/api/engine/...}), read
 * from the browser's network events: what Tasklist and Cockpit really call, and what they got.
 */
record EngineApiCall(String method, String path, int status) {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ENGINE_API = "/camunda/api/engine/";

  /** The calls since the last look, in the order they were sent. */
  static List<EngineApiCall> recorded(ChromeDriver driver) {
    Map<String, String[]> sent = new LinkedHashMap<>();
    Map<String, Integer> answered = new LinkedHashMap<>();
    for (LogEntry entry : driver.manage().logs().get(LogType.PERFORMANCE).getAll()) {
      JsonNode event = parse(entry.getMessage()).path("message");
      JsonNode params = event.path("params");
      switch (event.path("method").asText()) {
        case "Network.requestWillBeSent" -> sent.put(params.path("requestId").asText(), new String[] {
            params.path("request").path("method").asText(), params.path("request").path("url").asText()});
        case "Network.responseReceived" -> answered.put(params.path("requestId").asText(),
            params.path("response").path("status").asInt());
        default -> { }
      }
    }
    List<EngineApiCall> calls = new ArrayList<>();
    sent.forEach((id, request) -> {
      String path = URI.create(request[1]).getPath();
      if (path != null && path.startsWith(ENGINE_API)) {
        calls.add(new EngineApiCall(request[0], path, answered.getOrDefault(id, 0)));
      }
    });
    return calls;
  }

  private static JsonNode parse(String message) {
    try {
      return JSON.readTree(message);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public String toString() {
    return method + " " + path + " " + status;
  }
}
