package io.opsflow.platform;

import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;

/**
 * The OpenAPI 3 description of {@code /api} (springdoc-openapi, generated from the controllers and
 * their records at {@code /v3/api-docs}; Swagger UI at {@code /swagger-ui.html} for administrators):
 * HTTP Basic as the security scheme, the error body ({@link Problems}) as the schema {@value #PROBLEM}
 * and the refusals every operation can answer, the Bean Validation rules ({@link ValidationRules}), and an
 * example for every operation (its parameters, its request body and its answer), made from the
 * schemas and the examples their fields carry. The engine REST API ({@code /engine-rest}, Camunda's
 * own, described by Camunda) is not part of it. See docs/integration.md.
 */
@Configuration
class ApiDescription {

  static final String BASIC = "basic";
  static final String PROBLEM = "Problem";
  private static final List<String> ERROR_TYPES = List.of(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE,
      org.springframework.http.MediaType.APPLICATION_JSON_VALUE);

  @Bean
  OpenAPI opsflowApi() {
    return new OpenAPI()
        .info(new Info().title("Opsflow API").version("1").description("""
            Opsflow's own API: orders, products, change requests, hires, absences, tasks, insight and \
            changing running work. Every request logs in with HTTP Basic (the user and password of \
            Tasklist); what a user may do follows their groups, as in Tasklist. Bodies are JSON; every \
            refusal is a Problem Details body (RFC 9457) whose `invalid-params` name each bad field \
            and its rule. Bodies above 1 MB are refused with 413. Camunda's engine REST API \
            (`/engine-rest`) is described by Camunda and not here."""))
        .components(new Components()
            .addSecuritySchemes(BASIC, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                .description("The user id and password of Tasklist")))
        .addSecurityItem(new SecurityRequirement().addList(BASIC))
        // relative to where the description was fetched
        .servers(List.of(new Server().url("/")));
  }

  /** The rules of Bean Validation that swagger-core leaves out or writes loosely. */
  @Bean
  ModelConverter validationRules() {
    return new ValidationRules();
  }

  /** The refusals each operation can answer, and its examples. */
  @Bean
  OpenApiCustomizer refusalsAndExamples() {
    return api -> {
      // here, not in the bean above: springdoc drops the schemas that no operation refers to before it calls us
      api.getComponents().addSchemas(PROBLEM, problemSchema());
      ApiExamples examples = new ApiExamples(api.getComponents().getSchemas());
      api.getPaths().forEach((name, path) -> path.readOperationsMap().forEach((method, operation) -> {
        if (method == PathItem.HttpMethod.POST && IdempotencyFilter.CREATIONS.contains(name)) {
          addIdempotencyKey(operation);
        }
        addRefusals(method, operation);
        examples.addTo(operation);
      }));
    };
  }

  /** {@link IdempotencyFilter}: the header, the replayed first answer, and the key sent with another body. */
  private static void addIdempotencyKey(Operation operation) {
    operation.addParametersItem(new Parameter().in("header").name(IdempotencyFilter.HEADER).required(false)
        .description("Makes a retry safe: the same key again answers the first result (200, `"
            + IdempotencyFilter.REPLAYED + ": true`) and creates nothing. " + IdempotencyFilter.KEY_RULE)
        .schema(new StringSchema().pattern("^" + IdempotencyFilter.KEY_PATTERN + "$").maxLength(IdempotentRequest.MAX_KEY_LENGTH))
        .example("5f0c8e4e-2d7c-4b1e-9d38-0c6f3b1a7e21"));
    ApiResponse created = operation.getResponses().get(String.valueOf(HttpStatus.CREATED.value()));
    if (created != null) {
      operation.getResponses().addApiResponse(String.valueOf(HttpStatus.OK.value()), new ApiResponse()
          .description("The first answer again, for a key that was sent before with the same body")
          .content(created.getContent()));
    }
    refusal(operation.getResponses(), HttpStatus.UNPROCESSABLE_ENTITY, "The key was sent before with another body",
        IdempotencyFilter.HEADER + ": '5f0c8e4e-2d7c-4b1e-9d38-0c6f3b1a7e21' was sent before with another body", null);
  }

  private static void addRefusals(PathItem.HttpMethod method, Operation operation) {
    ApiResponses responses = operation.getResponses();
    List<Parameter> parameters = operation.getParameters() == null ? List.of() : operation.getParameters();
    boolean body = operation.getRequestBody() != null;
    if (body || !parameters.isEmpty()) {
      refusal(responses, HttpStatus.BAD_REQUEST, "A field or parameter is invalid; `invalid-params` names it and its rule",
          "lines[0].quantity: must be less than or equal to 10000",
          Map.of("name", "lines[0].quantity", "reason", "must be less than or equal to 10000"));
    }
    if (signedNotLoggedIn(operation)) {
      refusal(responses, HttpStatus.UNAUTHORIZED, "The signature is missing or wrong",
          "the signature is missing or wrong", null);
    } else {
      refusal(responses, HttpStatus.UNAUTHORIZED, "Not logged in, or a wrong user or password",
          "log in with HTTP Basic (user and password)", null);
      refusal(responses, HttpStatus.FORBIDDEN, "The user has no right to do this", "you have no right to do this", null);
    }
    if (parameters.stream().anyMatch(parameter -> "path".equals(parameter.getIn()))) {
      refusal(responses, HttpStatus.NOT_FOUND, "Nothing has this id", "order 4711 does not exist", null);
    }
    if (method != PathItem.HttpMethod.GET) {
      refusal(responses, HttpStatus.CONFLICT, "The state does not allow this (any more), or someone else changed it at the same time",
          "someone else changed this at the same time; reload and try again", null);
    }
    if (body) {
      refusal(responses, HttpStatus.PAYLOAD_TOO_LARGE, "The body is larger than 1 MB", RequestSizeLimit.MESSAGE, null);
    }
    if (method != PathItem.HttpMethod.GET) {
      // CrossSiteWriteGuard: a write with a body that is not JSON, also where the operation takes none
      refusal(responses, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "The body is not JSON",
          CrossSiteWriteGuard.unsupported("text/plain"), null);
    }
    refusal(responses, HttpStatus.SERVICE_UNAVAILABLE, "The database cannot be reached; try again after `Retry-After` seconds",
        DatabaseUnavailable.REASON, null);
  }

  /** An operation that needs no login ({@code security: []}): a webshop's order, signed with the shop's secret. */
  private static boolean signedNotLoggedIn(Operation operation) {
    return operation.getSecurity() != null && operation.getSecurity().isEmpty();
  }

  private static void refusal(ApiResponses responses, HttpStatus status, String description, String detail,
      Map<String, String> invalidParam) {
    Map<String, Object> example = new LinkedHashMap<>();
    example.put("type", "about:blank");
    example.put("title", status.getReasonPhrase());
    example.put("status", status.value());
    example.put("detail", detail);
    if (invalidParam != null) {
      example.put(Problems.INVALID_PARAMS, List.of(invalidParam));
    }
    Content content = new Content();
    ERROR_TYPES.forEach(type -> content.addMediaType(type,
        new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)).example(example)));
    responses.putIfAbsent(String.valueOf(status.value()), new ApiResponse().description(description).content(content));
  }

  /** {@link Problems}: RFC 9457 with the invalid fields of a request. */
  @SuppressWarnings({"rawtypes", "unchecked"})
  private static Schema<?> problemSchema() {
    Schema invalidParam = new ObjectSchema()
        .addProperty("name", new StringSchema().description("The field as the client sent it, such as `lines[0].quantity`"))
        .addProperty("reason", new StringSchema().description("The rule the field broke"))
        .required(List.of("name", "reason"));
    return new ObjectSchema()
        .description("A refusal (RFC 9457 Problem Details)")
        .addProperty("type", new StringSchema().description("`about:blank`: the status says it all"))
        .addProperty("title", new StringSchema().description("The status's reason phrase"))
        .addProperty("status", new IntegerSchema().minimum(java.math.BigDecimal.valueOf(400))
            .maximum(java.math.BigDecimal.valueOf(599)))
        .addProperty("detail", new StringSchema().description("What was wrong, naming the field and the rule"))
        .addProperty("instance", new StringSchema().description("The path of the request"))
        .addProperty(Problems.INVALID_PARAMS, new ArraySchema().items(invalidParam)
            .description("Each invalid field of the request (400 only)"))
        .required(List.of("type", "title", "status", "detail"));
  }
}
