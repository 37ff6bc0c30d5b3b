package io.opsflow.platform;

import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.springframework.stereotype.Component;

/**
 * The engine REST API as the starter configures it, except that a lost optimistic-locking race
 * (two people completing or claiming the same task at once) answers 409 Conflict with Camunda's
 * usual error body, where Camunda answers 500.
 */
@Component
class EngineRestConfiguration extends CamundaJerseyResourceConfig {

  @Override
  protected void registerAdditionalResources() {
    register(new ConflictMapper());
    // Camunda's resources wrap engine failures into RestException(500): take precedence over its handler
    register(new WrappedConflictMapper(), Priorities.USER - 1);
  }

  private static Response conflict(Throwable failure) {
    ExceptionDto body = ExceptionHandlerHelper.getInstance().fromException(failure);
    body.setType(OptimisticLockingException.class.getSimpleName());
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
    @Override
    public Response toResponse(RestException e) {
      return e.getCause() instanceof OptimisticLockingException
          ? conflict(e)
          : ExceptionHandlerHelper.getInstance().getResponse(e);
    }
  }
}
