package io.opsflow.onboarding;

import static io.opsflow.onboarding.EmployeeOnboarding.MESSAGE_HIRE_RECORDED;
import static io.opsflow.onboarding.EmployeeOnboarding.MESSAGE_HIRE_WITHDRAWN;
import static io.opsflow.onboarding.EmployeeOnboarding.VAR_HIRE_ID;

import io.opsflow.platform.ApiException;
import io.opsflow.platform.EngineIdentity;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The hires API: HR records and withdraws hires; HR, management and the hire's manager look at them. */
@Service
class HireService {

  private final HireRegistration registration;
  private final HireRepository hires;
  private final HireAccess access;
  private final RuntimeService runtimeService;
  private final EngineIdentity engineIdentity;

  HireService(HireRegistration registration, HireRepository hires, HireAccess access, RuntimeService runtimeService,
      EngineIdentity engineIdentity) {
    this.registration = registration;
    this.hires = hires;
    this.access = access;
    this.runtimeService = runtimeService;
    this.engineIdentity = engineIdentity;
  }

  /** Records the hire and starts its onboarding, or refuses it and stores nothing. */
  @Transactional
  HireView.Created create(HireRequest request) {
    access.requireHr("record hires");
    Hire hire = registration.register(request);
    ProcessInstance onboarding = runtimeService.createMessageCorrelation(MESSAGE_HIRE_RECORDED)
        .processInstanceBusinessKey(String.valueOf(hire.id()))
        .setVariable(VAR_HIRE_ID, hire.id())
        .correlateStartMessage();
    hire.onboardedBy(onboarding.getId());
    return new HireView.Created(hire.id(), onboarding.getId(), hire.status());
  }

  @Transactional(readOnly = true)
  HireView find(long id) {
    Hire hire = existing(id);
    access.requireMaySee(hire);
    return HireView.of(hire);
  }

  /** The 200 hires starting latest, latest first: all hires for HR and management, their own for a manager. */
  @Transactional(readOnly = true)
  List<HireView.Summary> list() {
    List<Hire> visible = access.maySeeAll() ? hires.findTop200ByOrderByStartDateDescIdDesc()
        : hires.findTop200ByManagerIdOrderByStartDateDescIdDesc(access.currentUser());
    return visible.stream().map(HireView.Summary::of).toList();
  }

  /** Withdraws the hire: the process cancels all open work and tells whoever had it. */
  @Transactional
  HireView withdraw(long id) {
    access.requireHr("withdraw hires");
    Hire hire = existing(id);
    hire.withdrawn(access.currentUser(), ClockUtil.now().toInstant());
    // HR may withdraw by our rule; HR gets no engine right to change running onboardings
    engineIdentity.asEngine(() -> runtimeService.createMessageCorrelation(MESSAGE_HIRE_WITHDRAWN)
        .processInstanceId(hire.processInstanceId()).correlateWithResult());
    return HireView.of(hire);
  }

  private Hire existing(long id) {
    return hires.findById(id).orElseThrow(() -> ApiException.notFound("hire", id));
  }
}
