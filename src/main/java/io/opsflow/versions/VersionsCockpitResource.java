package io.opsflow.versions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.opsflow.platform.Problems;
import io.opsflow.platform.ApiException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.cockpit.plugin.resource.AbstractCockpitPluginRootResource;
import org.springframework.http.HttpStatus;
import org.springframework.web.context.support.WebApplicationContextUtils;

/**
 * The Cockpit plugin's door to the same services as {@link VersionsController}, under
 * {@code /camunda/api/cockpit/plugin/opsflowVersions/{engine}/...}: Cockpit's session login (the
 * webapps' security rules let only users logged in to that engine through) and its CSRF token;
 * the engine identity is the logged-in user's, so the services' administrator check applies. The
 * answers are the JSON of {@code /api}. Instantiated by Cockpit's JAX-RS application, so it finds
 * the services in the Spring context of the servlet context.
 */
@Path("plugin/" + VersionsCockpitPlugin.ID)
public class VersionsCockpitResource extends AbstractCockpitPluginRootResource {

  public VersionsCockpitResource() {
    super(VersionsCockpitPlugin.ID);
  }

  @GET
  @Path("{engine}/processes/{key}/versions")
  @Produces(MediaType.APPLICATION_JSON)
  public Response versions(@PathParam("key") String key) {
    return answer(() -> bean(ProcessMigrations.class).versions(key));
  }

  @POST
  @Path("{engine}/processes/{key}/migration")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  public Response migrate(@PathParam("key") String key, @QueryParam("dryRun") boolean dryRun,
      Map<String, String> body) {
    return answer(() -> dryRun ? bean(ProcessMigrations.class).dryRun(key)
        : bean(ProcessMigrations.class).migrate(key, field(body, "reason")));
  }

  @GET
  @Path("{engine}/instances/{id}/steps")
  @Produces(MediaType.APPLICATION_JSON)
  public Response steps(@PathParam("id") String id) {
    return answer(() -> bean(InstanceRepairs.class).steps(id));
  }

  @POST
  @Path("{engine}/instances/{id}/move")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  public Response move(@PathParam("id") String id, Map<String, String> body) {
    return answer(() -> bean(InstanceRepairs.class).move(id, field(body, "from"), field(body, "to"),
        field(body, "reason")));
  }

  @POST
  @Path("{engine}/instances/{id}/retry")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  public Response retry(@PathParam("id") String id, Map<String, String> body) {
    return answer(() -> bean(InstanceRepairs.class).retry(id, field(body, "reason")));
  }

  private static String field(Map<String, String> body, String name) {
    return body == null ? null : body.get(name);
  }

  private <T> T bean(Class<T> type) {
    return WebApplicationContextUtils.getRequiredWebApplicationContext(servletContext).getBean(type);
  }

  /** The result as JSON, or our refusal with its status and message, as {@code /api} answers. */
  private Response answer(Supplier<Object> call) {
    Object body;
    int status;
    try {
      body = call.get();
      status = HttpStatus.OK.value();
    } catch (ApiException refusal) {
      body = Problems.ofEngineRest(refusal);
      status = refusal.status().value();
    }
    try {
      return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
          .entity(bean(ObjectMapper.class).writeValueAsString(body)).build();
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
