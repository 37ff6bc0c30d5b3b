package io.opsflow.platform;

import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.PathSegment;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.List;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.impl.errorcode.BuiltinExceptionCode;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.springframework.stereotype.Component;

/**
 * The engine REST API as the starter configures it, except that a lost race for a task (two people
 * completing or claiming the same task at once) answers 409 Conflict with Camunda's usual error
 * body, where Camunda answers 500. The loser loses either on optimistic locking, or, when the
 * winner's completion ended the process instance before the loser read it, on finding no
 * executions left; the second is told apart from other failures by the task being completed now.
 */
@Component
class EngineRestConfiguration extends CamundaJerseyResourceConfig {

  private final TaskWork taskWork;

  EngineRestConfiguration(TaskWork taskWork) {
    this.taskWork = taskWork;
  }

  @Override
  protected void registerAdditionalResources() {
    register(new ConflictMapper());
    // Camunda's resources wrap engine failures into RestException(500): take precedence over its handler
    register(new WrappedConflictMapper(taskWork), Priorities.USER - 1);
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

  /** Conflicts wrapped by a resource become 409; every other failure is answered as Camunda does. */
  private static final class WrappedConflictMapper implements ExceptionMapper<RestException> {

    private final TaskWork taskWork;
    @Context
    private UriInfo request;

    WrappedConflictMapper(TaskWork taskWork) {
      this.taskWork = taskWork;
    }

    @Override
    public Response toResponse(RestException e) {
      return e.getCause() instanceof OptimisticLockingException || taskCompletedMeanwhile(e)
          ? conflict(e)
          : ExceptionHandlerHelper.getInstance().getResponse(e);
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
