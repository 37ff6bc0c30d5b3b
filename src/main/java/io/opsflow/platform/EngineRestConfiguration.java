package io.opsflow.platform;

import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.PathSegment;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.List;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.impl.errorcode.BuiltinExceptionCode;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.springframework.stereotype.Component;

/**
 * The engine REST API as the starter configures it, with Camunda's usual error body, except for
 * three kinds of failure that Camunda answers with 500:
 * <ul>
 *   <li>A refusal by our own code that runs inside an engine call (a start form's registration
 *   step finding an unknown SKU, a task form's field refused on completion) is answered with its
 *   own status as a problem ({@link Problems}, with Camunda's {@code message} too), as in our
 *   API: an {@link ApiException}, or a Bean Validation failure or a {@link RefusedInput} (a revoke
 *   authorization) as 400.</li>
 *   <li>A lost race for a task (two people completing or claiming the same task at once) answers
 *   409 Conflict. The loser loses either on optimistic locking, or, when the winner's completion
 *   ended the process instance before the loser read it, on finding no executions left; the
 *   second is told apart from other failures by the task being completed now.</li>
 *   <li>A database that cannot be reached answers 503 with {@code Retry-After}
 *   ({@link DatabaseUnavailable}).</li>
 * </ul>
 */
@Component
class EngineRestConfiguration extends CamundaJerseyResourceConfig {

  private static final MediaType PROBLEM_JSON = MediaType.valueOf("application/problem+json");

  private final TaskWork taskWork;
  private final DatabaseUnavailable databaseUnavailable;

  EngineRestConfiguration(TaskWork taskWork, DatabaseUnavailable databaseUnavailable) {
    this.taskWork = taskWork;
    this.databaseUnavailable = databaseUnavailable;
  }

  @Override
  protected void registerAdditionalResources() {
    register(new ConflictMapper());
    register(new RefusalMapper());
    // Camunda's own mapper of unwrapped engine failures would answer a refusal of ours with 500
    register(new EngineFailureMapper(), Priorities.USER - 1);
    // Camunda's resources wrap engine failures into RestException(500): take precedence over its handler
    register(new WrappedFailureMapper(taskWork), Priorities.USER - 1);
  }

  /** Camunda's answer, unless the failure is (or was caused by) a refusal of our code, or the database is gone. */
  private Response answer(Throwable failure) {
    if (databaseUnavailable.explains(failure)) {
      ExceptionDto body = new ExceptionDto();
      body.setType("ServiceUnavailable");
      body.setMessage(DatabaseUnavailable.REASON);
      return Response.status(Response.Status.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER,
          DatabaseUnavailable.RETRY_AFTER_SECONDS).entity(body).type(MediaType.APPLICATION_JSON_TYPE).build();
    }
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      ApiException refusal = ApiException.asRefusal(cause);
      if (refusal != null) {
        return Response.status(refusal.status().value()).entity(Problems.json(Problems.ofEngineRest(refusal)))
            .type(PROBLEM_JSON).build();
      }
    }
    return ExceptionHandlerHelper.getInstance().getResponse(failure);
  }

  private static Response conflict(Throwable failure) {
    ExceptionDto body = ExceptionHandlerHelper.getInstance().fromException(failure);
    body.setType(OptimisticLockingException.class.getSimpleName());
    body.setCode(BuiltinExceptionCode.OPTIMISTIC_LOCKING.getCode());
    return Response.status(Response.Status.CONFLICT).entity(body).type(MediaType.APPLICATION_JSON_TYPE).build();
  }

  private static final class ConflictMapper implements ExceptionMapper<OptimisticLockingException> {
    @Override
    public Response toResponse(OptimisticLockingException e) {
      return conflict(e);
    }
  }

  /** What the engine lets through unwrapped: a delegate's refusal, or anything unexpected. */
  private final class RefusalMapper implements ExceptionMapper<RuntimeException> {
    @Override
    public Response toResponse(RuntimeException e) {
      return answer(e);
    }
  }

  /** Engine failures that resources let through unwrapped (assign, delegate, update a task), answered as above. */
  private final class EngineFailureMapper implements ExceptionMapper<ProcessEngineException> {
    @Override
    public Response toResponse(ProcessEngineException e) {
      return answer(e);
    }
  }

  /** Conflicts wrapped by a resource become 409; every other failure is answered as above. */
  private final class WrappedFailureMapper implements ExceptionMapper<RestException> {

    private final TaskWork taskWork;
    @Context
    private UriInfo request;

    WrappedFailureMapper(TaskWork taskWork) {
      this.taskWork = taskWork;
    }

    @Override
    public Response toResponse(RestException e) {
      return e.getCause() instanceof OptimisticLockingException || taskCompletedMeanwhile(e) ? conflict(e) : answer(e);
    }

    /** A request on {@code .../task/{id}/...} that found the engine state gone, for a task now completed. */
    private boolean taskCompletedMeanwhile(RestException e) {
      if (!(e.getCause() instanceof NullValueException)) {
        return false;
      }
      List<PathSegment> path = request.getPathSegments();
      for (int i = 0; i + 1 < path.size(); i++) {
        if (path.get(i).getPath().equals("task")) {
          return taskWork.isCompleted(path.get(i + 1).getPath());
        }
      }
      return false;
    }
  }
}
