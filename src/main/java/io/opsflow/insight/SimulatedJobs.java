package io.opsflow.insight;

import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.PriorityProvider;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobDeclaration;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.JobQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Keeps the job executor away from the jobs of a {@link HistorySimulation} while it plays: their
 * due dates are in the simulated past, so the job executor, on the real clock, would run them at
 * once, at the wrong time and behind the simulation's back. A job made on a simulating thread
 * ({@link SimulatedTime#simulating()}: timers, reminders, escalations, asynchronous steps) gets its
 * normal priority minus {@link #BAND_OFFSET}, and the job executor takes only jobs of priority
 * {@link #EXECUTOR_MIN} or more; the simulation runs its own jobs itself. When a play ends, also
 * when it fails or stops, it gives the jobs left (open work's timers) their normal priority back
 * ({@link #release}), so the job executor takes them from then on. At every start of the engine,
 * before the job executor runs, jobs that a play cut short by a crash left in the band are given
 * back too.
 * <p>
 * The job executor's priority range needs acquisition by priority (the engine applies the range
 * only then): its acquisition query orders due jobs by priority, which costs a sort of the due
 * jobs. No model sets a job priority ({@code camunda:jobPriority}), so every job has the engine's
 * default 0; a normal priority must lie within {@code ±BAND_OFFSET / 2}, which the band refuses
 * otherwise.
 * <p>
 * Only where a demo history can play (the demo profile, not prod, not switched off): production
 * and clusters keep the engine's acquisition as it comes. A band job left by a killed play on a
 * database whose next start has the demo history switched off is not stuck: without this plugin
 * the job executor takes every priority.
 */
@Component
@Profile("demo & !prod")
@ConditionalOnProperty(name = "opsflow.demo-history.enabled", matchIfMissing = true)
class SimulatedJobs extends AbstractProcessEnginePlugin {

  /** How far below its normal priority a job made by a simulation is put. */
  static final long BAND_OFFSET = 1L << 40;
  /** The lowest priority the job executor takes: above every simulated job, below every normal one. */
  static final long EXECUTOR_MIN = -(BAND_OFFSET / 2);
  private static final int PAGE = 500;
  private static final Logger LOG = LoggerFactory.getLogger(SimulatedJobs.class);

  /** After the engine's own init, so that a configuration property cannot switch it off. */
  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setJobPriorityProvider(new InBand(configuration.getJobPriorityProvider()));
    configuration.setJobExecutorAcquireByPriority(true);
    configuration.setJobExecutorPriorityRangeMin(EXECUTOR_MIN);
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    int released = release(engine.getManagementService());
    if (released > 0) {
      LOG.warn("{} jobs of a demo history that did not finish are given to the job executor", released);
    }
  }

  /** Gives every job in the band its normal priority back; returns how many. */
  static int release(ManagementService management) {
    int released = 0;
    int inPage;
    do {
      inPage = 0;
      for (Job job : inBand(management)) {
        try {
          management.setJobPriority(job.getId(), job.getPriority() + BAND_OFFSET);
          inPage++;
        } catch (ProcessEngineException gone) { // ended meanwhile (someone completed its task)
          LOG.debug("Job {} not given back: {}", job.getId(), gone.getMessage());
        }
      }
      released += inPage;
    } while (inPage > 0);
    return released;
  }

  private static List<Job> inBand(ManagementService management) {
    return inBand(management.createJobQuery()).listPage(0, PAGE);
  }

  /** The jobs made by a simulation that plays (or by one that was killed). */
  static JobQuery inBand(JobQuery query) {
    return query.priorityLowerThanOrEquals(EXECUTOR_MIN - 1);
  }

  private record InBand(PriorityProvider<JobDeclaration<?, ?>> normal) implements PriorityProvider<JobDeclaration<?, ?>> {

    @Override
    public long determinePriority(ExecutionEntity execution, JobDeclaration<?, ?> declaration, String jobDefinitionId) {
      long priority = normal.determinePriority(execution, declaration, jobDefinitionId);
      if (!SimulatedTime.simulating()) {
        return priority;
      }
      if (priority < EXECUTOR_MIN || priority >= -EXECUTOR_MIN) {
        throw new ProcessEngineException("A simulation cannot keep a job of priority " + priority
            + " from the job executor; priorities must lie within " + EXECUTOR_MIN + " and " + (-EXECUTOR_MIN - 1));
      }
      return priority - BAND_OFFSET;
    }
  }
}
