package io.opsflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.HexFormat;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.Tag;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.RequestEntity;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestContextManager;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Fuzzing from the API description (jqwik, a fixed seed, bounded: part of every {@code ./mvnw verify}).
 * For every operation with a body or parameters, taken from the running app's {@code /v3/api-docs},
 * it sends the operation's own example with one part made invalid or extreme: wrong types, a
 * missing or extra field, empty and 100,000-character texts, control characters, unicode, huge,
 * negative and fractional numbers, the limits of the schema and one past them, deep nesting, and
 * bodies that are no JSON at all. Every answer must be no 5xx; a 400 must name the field in its
 * Problem Details ({@code invalid-params}); after any 4xx nothing is stored (the row counts of our
 * tables, the engine's instances and the stock are as before). Every call is also checked against
 * the description ({@link ApiContract}). The app runs in a context of its own, so what the fuzzing
 * creates is in no other test's database.
 */
@Tag(ApiFuzzTest.TAG)
class ApiFuzzTest {

  static final String TAG = "fuzz";

  private static final ObjectMapper JSON = new ObjectMapper();
  /** Who calls each part of the API: someone with the right to, so that the input is what is refused. */
  private static final Map<String, String> CALLER = Map.of("Orders", "sam", "Products", "will", "Changes", "irene",
      "Hires", "helen", "Absences", "sam", "Insight", "olivia", "Running work", "admin", "Tasks", "wendy",
      "Webhooks", "admin");
  /** What a refused request must not have changed. */
  private static final List<String> STORED = List.of("CUSTOMER_ORDER", "ORDER_LINE", "OPS_CHANGE_REQUEST",
      "OPS_CHANGE_LOG", "OPS_CHANGE_AFFECTED_TEAM", "OPS_HIRE", "SLA_ABSENCE", "SLA_ABSENCE_HANDOVER", "NOTIFY_OUTBOX",
      "INSIGHT_TARGET", "OPS_IDEMPOTENT_REQUEST", "WEBHOOK_INBOUND_ORDER", "WEBHOOK_SUBSCRIPTION", "WEBHOOK_DELIVERY",
      "ACT_RU_EXECUTION", "ACT_HI_PROCINST", "ACT_HI_OP_LOG");
  private static final String LONG = "x".repeat(100_000);
  private static final String SHOP = "shop";
  private static final String SIGNATURE = "X-Opsflow-Signature";

  private static TestRestTemplate http;
  private static JdbcTemplate jdbc;
  /** The secret of the webshop {@value #SHOP}, which signs its orders. */
  private static String shopSecret;
  private static List<Operation> operations;
  /** Ids of things that exist, per path and parameter, so that a request gets past "not found" to its input. */
  private static final Map<String, String> EXISTING = new LinkedHashMap<>();

  /** The app of this suite: the one test set-up, with a database of its own. */
  @OpsflowSpringTest
  @TestPropertySource(properties = "opsflow.test.suite=fuzz")
  static class App {}

  /**
   * One operation of the description, with its example and who calls it: a user, or no one where
   * the operation takes no login but a signature ({@code security: []}, a webshop's order).
   */
  record Operation(String method, String path, String user, List<JsonNode> parameters, JsonNode bodySchema,
      JsonNode example) {

    String name() {
      return method + " " + path;
    }
  }

  /** One request: the operation and what was done to its example. */
  record Case(Operation operation, String target, String mutation, String value) {

    @Override
    public String toString() {
      String shown = value == null ? "" : value.length() > 80 ? value.substring(0, 80) + "...(" + value.length() + ")" : value;
      return operation.name() + " " + mutation + " " + target + " " + shown;
    }
  }

  @BeforeContainer
  static void startTheApp() throws Exception {
    ApplicationContext app = new TestContextManager(App.class).getTestContext().getApplicationContext();
    http = app.getBean(TestRestTemplate.class);
    jdbc = app.getBean(JdbcTemplate.class);
    shopSecret = app.getEnvironment().getRequiredProperty("opsflow.webhooks.inbound." + SHOP + ".secret");
    JsonNode description = JSON.readTree(ApiContract.description(http.getRootUri()));
    operations = new ArrayList<>();
    description.get("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(entry -> {
      JsonNode operation = entry.getValue();
      List<JsonNode> parameters = new ArrayList<>();
      operation.path("parameters").forEach(parameters::add);
      JsonNode body = operation.at("/requestBody/content/application~1json");
      if (parameters.isEmpty() && body.isMissingNode()) {
        return;
      }
      boolean signed = operation.path("security").isArray() && operation.get("security").isEmpty();
      operations.add(new Operation(entry.getKey().toUpperCase(), path.getKey(),
          signed ? null : CALLER.get(operation.at("/tags/0").asText()), parameters,
          body.isMissingNode() ? null : resolve(description, body.get("schema")),
          body.isMissingNode() ? null : body.get("example")));
    }));
    assertThat(operations).hasSizeGreaterThan(20);

    JsonNode order = create("/api/orders", operations);
    EXISTING.put("/api/orders/{id} id", order.get("id").asText());
    EXISTING.put("/api/instances/{id} id", order.get("processInstanceId").asText());
    EXISTING.put("/api/insight/instances/{id} id", order.get("processInstanceId").asText());
    EXISTING.put("/api/changes/{id} id", create("/api/changes", operations).get("id").asText());
    EXISTING.put("/api/hires/{id} id", create("/api/hires", operations).get("id").asText());
    EXISTING.put("/api/absences/{id} id", create("/api/absences", operations).get("id").asText());
    EXISTING.put("key", "Process_OrderFulfillment");
    EXISTING.put("processKey", "Process_OrderFulfillment");
    EXISTING.put("sku", "LAMP-LED");
    EXISTING.put("/api/webhooks/subscriptions/{id} id", create("/api/webhooks/subscriptions", operations).get("id").asText());
    EXISTING.put("source", SHOP);
    // the order's picking task, the warehouse's (wendy's) to complete
    jdbc.queryForList("SELECT ID_ FROM ACT_RU_TASK WHERE PROC_INST_ID_ = ?", String.class,
        order.get("processInstanceId").asText()).stream().findFirst().ifPresent(task -> EXISTING.put("taskId", task));
  }

  /** Something made with the operation's own example, which must be accepted. */
  private static JsonNode create(String path, List<Operation> operations) throws Exception {
    Operation operation = operations.stream().filter(op -> op.method().equals("POST") && op.path().equals(path))
        .findFirst().orElseThrow();
    HttpHeaders headers = new HttpHeaders();
    headers.setBasicAuth(operation.user(), operation.user());
    headers.setContentType(MediaType.APPLICATION_JSON);
    ResponseEntity<String> created = http.exchange(new RequestEntity<>(operation.example().toString(), headers,
        HttpMethod.POST, URI.create(http.getRootUri() + path)), String.class);
    assertThat(created.getStatusCode().value()).as("%s: %s", path, created.getBody()).isEqualTo(201);
    return JSON.readTree(created.getBody());
  }

  /** The value of a parameter that is not fuzzed: an id that exists, else the description's example. */
  private static String unchanged(Operation operation, JsonNode parameter) {
    String name = parameter.get("name").asText();
    return EXISTING.entrySet().stream()
        .filter(known -> known.getKey().equals(name) || operation.path().startsWith(known.getKey().split(" ")[0])
            && known.getKey().endsWith(" " + name))
        .map(Map.Entry::getValue).findFirst().orElse(parameter.get("example").asText());
  }

  @Property(tries = 700, seed = "20261203", shrinking = ShrinkingMode.OFF)
  void badInputIsRefusedNamingTheFieldAndStoresNothing(@ForAll("cases") Case fuzz) throws Exception {
    Map<String, Long> before = stored();

    ResponseEntity<String> answer = send(fuzz);

    int status = answer.getStatusCode().value();
    Statistics.label("status").collect(status);
    assertThat(status).as("%s answered %s", fuzz, answer.getBody()).isLessThan(500);
    if (status == 400) {
      JsonNode problem = JSON.readTree(answer.getBody());
      assertThat(problem.path("invalid-params").isArray() && !problem.path("invalid-params").isEmpty())
          .as("%s: a 400 names the field: %s", fuzz, answer.getBody()).isTrue();
      problem.get("invalid-params").forEach(param -> assertThat(param.path("name").asText())
          .as("%s: %s", fuzz, answer.getBody()).isNotBlank().doesNotContain("java.", "Exception"));
    }
    if (status >= 400) {
      assertThat(stored()).as("%s answered %s: nothing stored", fuzz, status).isEqualTo(before);
    }
  }

  @Provide
  Arbitrary<Case> cases() {
    return Arbitraries.of(operations).flatMap(operation -> {
      List<Arbitrary<Case>> targets = new ArrayList<>();
      for (JsonNode parameter : operation.parameters()) {
        targets.add(Arbitraries.of(parameterValues(parameter)).map(value ->
            new Case(operation, parameter.get("name").asText(), "parameter", value)));
      }
      if (operation.bodySchema() != null) {
        targets.add(Arbitraries.of(wholeBodies()).map(body -> new Case(operation, "body", "body", body)));
        for (Map.Entry<String, JsonNode> field : fields(operation.bodySchema(), "").entrySet()) {
          targets.add(Arbitraries.of(fieldValues(field.getValue())).map(value ->
              new Case(operation, field.getKey(), "field", value)));
          targets.add(Arbitraries.just(new Case(operation, field.getKey(), "remove", null)));
        }
        targets.add(Arbitraries.of(wrongTypes()).map(value -> new Case(operation, "unexpected", "extra", value)));
      }
      return Arbitraries.oneOf(targets);
    });
  }

  private static ResponseEntity<String> send(Case fuzz) throws Exception {
    Operation operation = fuzz.operation();
    Map<String, String> path = new LinkedHashMap<>();
    UriComponentsBuilder uri = UriComponentsBuilder.fromUriString(http.getRootUri());
    HttpHeaders headers = new HttpHeaders();
    if (operation.user() != null) {
      headers.setBasicAuth(operation.user(), operation.user());
    }
    headers.setAccept(List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON, MediaType.ALL));
    for (JsonNode parameter : operation.parameters()) {
      String name = parameter.get("name").asText();
      boolean fuzzed = "parameter".equals(fuzz.mutation()) && name.equals(fuzz.target());
      String value = fuzzed ? fuzz.value() : unchanged(operation, parameter);
      switch (parameter.get("in").asText()) {
        case "path" -> path.put(name, value);
        // an optional header (Idempotency-Key) only where it is what is fuzzed: one key is for one request
        case "header" -> {
          if (fuzzed || parameter.path("required").asBoolean()) {
            headers.add(name, value);
          }
        }
        default -> uri.queryParam(name, value);
      }
    }
    URI target = uri.path(operation.path()).encode().buildAndExpand(path).toUri();
    String body = operation.bodySchema() == null ? null : body(fuzz);
    if (body != null) {
      headers.setContentType(MediaType.APPLICATION_JSON);
    }
    if (operation.user() == null && !headers.containsKey(SIGNATURE)) {
      headers.set(SIGNATURE, signature(body == null ? "" : body));
    }
    return http.exchange(new RequestEntity<>(body, headers, HttpMethod.valueOf(operation.method()), target), String.class);
  }

  /** {@code sha256=<hex>}: the webshop's signature of the body, so that the body is what is refused. */
  private static String signature(String body) throws Exception {
    Mac hmac = Mac.getInstance("HmacSHA256");
    hmac.init(new SecretKeySpec(shopSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return "sha256=" + HexFormat.of().formatHex(hmac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
  }

  /** The example with the case's change, as JSON text. */
  private static String body(Case fuzz) {
    if ("body".equals(fuzz.mutation())) {
      return fuzz.value();
    }
    JsonNode example = fuzz.operation().example().deepCopy();
    if (!example.isObject()) {
      return example.toString();
    }
    ObjectNode body = (ObjectNode) example;
    switch (fuzz.mutation()) {
      case "extra" -> body.putRawValue(fuzz.target(), new RawValue(fuzz.value()));
      case "remove" -> parentOf(body, fuzz.target()).remove(last(fuzz.target()));
      case "field" -> parentOf(body, fuzz.target()).putRawValue(last(fuzz.target()), new RawValue(fuzz.value()));
      default -> { }
    }
    return body.toString();
  }

  /** The object holding {@code lines[0].quantity}'s last part, made where the example has none. */
  private static ObjectNode parentOf(ObjectNode body, String field) {
    ObjectNode node = body;
    String[] parts = field.split("\\.");
    for (int i = 0; i < parts.length - 1; i++) {
      String part = parts[i];
      if (part.endsWith("[0]")) {
        String name = part.substring(0, part.length() - 3);
        ArrayNode list = node.get(name) instanceof ArrayNode existing ? existing : node.putArray(name);
        if (list.isEmpty() || !list.get(0).isObject()) {
          list.removeAll();
          list.addObject();
        }
        node = (ObjectNode) list.get(0);
      } else {
        node = node.get(part) instanceof ObjectNode existing ? existing : node.putObject(part);
      }
    }
    return node;
  }

  private static String last(String field) {
    return field.substring(field.lastIndexOf('.') + 1);
  }

  /** Every field of a body schema, nested ones as {@code lines[0].quantity}. */
  private static Map<String, JsonNode> fields(JsonNode schema, String prefix) {
    Map<String, JsonNode> fields = new LinkedHashMap<>();
    Iterator<Map.Entry<String, JsonNode>> properties = schema.path("properties").fields();
    while (properties.hasNext()) {
      Map.Entry<String, JsonNode> property = properties.next();
      String name = prefix + property.getKey();
      fields.put(name, property.getValue());
      JsonNode items = property.getValue().path("items");
      if (items.has("properties")) {
        fields.putAll(fields(items, name + "[0]."));
      } else if (property.getValue().has("properties")) {
        fields.putAll(fields(property.getValue(), name + "."));
      }
    }
    return fields;
  }

  /** Values for one field, as JSON text: of the wrong type, at and past its schema's limits, and extreme. */
  private static List<String> fieldValues(JsonNode schema) {
    Set<String> values = new LinkedHashSet<>(wrongTypes());
    String type = schema.path("type").asText();
    if ("string".equals(type)) {
      values.addAll(List.of("\"\"", "\"   \"", "\"" + LONG + "\"", "\"a\\u0000b\\u0007c\\nd\\te\"", "\"line\\u2028break\"",
          "\"Zoë 日本語 🚀 \\u202e مرحبا\"", "\"\\ud800\"", "\"'; DROP TABLE product; --\"", "\"<script>alert(1)</script>\"",
          "\"2031-02-30\"", "\"31.12.2031\"", "\"LOW\"", "\"unknown\"", "\"P99999D\""));
      if (schema.has("maxLength")) {
        values.add("\"" + "y".repeat(schema.get("maxLength").asInt()) + "\"");
        values.add("\"" + "y".repeat(schema.get("maxLength").asInt() + 1) + "\"");
      }
    } else if ("integer".equals(type) || "number".equals(type)) {
      values.addAll(List.of("0", "-1", "1.5", "2147483648", "-2147483649", "9223372036854775808", "1e308", "-1e308",
          "1e-300", "123456789012345678901234567890"));
      for (String limit : List.of("minimum", "maximum")) {
        if (schema.has(limit)) {
          values.add(schema.get(limit).decimalValue().toPlainString());
          values.add(schema.get(limit).decimalValue().add(java.math.BigDecimal.valueOf("minimum".equals(limit) ? -1 : 1))
              .toPlainString());
        }
      }
    } else if ("array".equals(type)) {
      values.addAll(List.of("[]", "[null]", "[1, \"two\", {}]", "[\"" + LONG + "\"]",
          "[" + String.join(",", java.util.Collections.nCopies(schema.path("maxItems").asInt(100) + 1, "\"z\"")) + "]"));
    }
    values.addAll(List.of(nested("[", "]", 60), nested("[", "]", 3000), nested("{\"a\":", "}", 3000)));
    return List.copyOf(values);
  }

  /** A value of each JSON type but text. */
  private static List<String> wrongTypes() {
    return List.of("12345", "-1", "true", "null", "{\"x\": 1}", "[1, 2]", "\"text\"");
  }

  /** Bodies that are not what any operation reads. */
  private static List<String> wholeBodies() {
    return List.of("", "not json", "{", "{\"a\": }", "[]", "null", "123", "\"text\"", "{} {}",
        nested("[", "]", 3000), nested("{\"a\":", "}", 3000), "{\"" + LONG + "\": 1}", "{\"x\": \"" + LONG + "\"}",
        "\u0000\u0001\u0002", "{\"a\": NaN}");
  }

  /** Values of a query, path or header parameter. */
  private static List<String> parameterValues(JsonNode parameter) {
    List<String> values = new ArrayList<>(List.of("abc", "-1", "0", "1.5", "99999999999999999999",
        "9223372036854775807", "日本語", "2031-02-30", "shipped", "x".repeat(2000), "' OR 1=1 --"));
    String in = parameter.get("in").asText();
    if (!"path".equals(in)) {
      values.addAll(List.of("", " "));
    }
    if ("query".equals(in)) {
      // a header cannot carry them: the HTTP client refuses to send it
      values.addAll(List.of("a\u0000b", "line\nbreak"));
    }
    return values;
  }

  private static String nested(String open, String close, int depth) {
    return open.repeat(depth) + (open.startsWith("{") ? "1" : "") + close.repeat(depth);
  }

  private static JsonNode resolve(JsonNode description, JsonNode schema) {
    if (schema.has("$ref")) {
      return resolve(description, description.at(schema.get("$ref").asText().substring(1)));
    }
    if (schema.has("properties")) {
      ObjectNode copy = schema.deepCopy();
      ObjectNode properties = (ObjectNode) copy.get("properties");
      properties.fields().forEachRemaining(property -> {
        JsonNode resolved = resolve(description, property.getValue());
        if (resolved.has("items")) {
          ((ObjectNode) resolved).set("items", resolve(description, resolved.get("items")));
        }
        property.setValue(resolved);
      });
      return copy;
    }
    return schema;
  }

  private static Map<String, Long> stored() {
    Map<String, Long> counts = new LinkedHashMap<>();
    STORED.forEach(table -> counts.put(table, jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class)));
    counts.put("stock", jdbc.queryForObject("SELECT COALESCE(SUM(on_hand) * 1000003 + SUM(reserved), 0) FROM product",
        Long.class));
    return counts;
  }
}
