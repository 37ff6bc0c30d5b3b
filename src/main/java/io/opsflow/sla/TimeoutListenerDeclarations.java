package io.opsflow.sla;

import java.util.HashMap;
import org.camunda.bpm.engine.impl.jobexecutor.TimerDeclarationImpl;

/**
 * The timeout listener timers of one user task (by listener id), as the deployed definition keeps
 * them: never smaller after the parse. Camunda 7.24's migration ({@code ActivityInstanceJobHandler})
 * takes a shallow copy of the target task's declarations and removes from it each timer it carries
 * over, which removed it from the deployed definition itself: the next instance of a multi-instance
 * task lost its timers in the migration, and tasks started afterwards on that version got none until
 * the definition left the cache. Removing is therefore ignored; the migration then treats the
 * carried-over timers as taken, and creates none twice.
 */
final class TimeoutListenerDeclarations extends HashMap<String, TimerDeclarationImpl> {

  @Override
  public TimerDeclarationImpl remove(Object listenerId) {
    return get(listenerId);
  }
}
